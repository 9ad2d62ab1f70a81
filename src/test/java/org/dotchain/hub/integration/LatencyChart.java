package org.dotchain.hub.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The open-loop runs' latency (p50, p99, max from commit, p99 from offer) against the offered rate, as an SVG line
 * chart on a log scale.
 */
final class LatencyChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private LatencyChart() {
    }

    static void write(Path file, List<OpenLoopDispatch.Result> results) throws IOException {
        double highest = results.stream().mapToDouble(r -> Math.max(r.max(), r.offeredP99())).max().orElse(1);
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(highest, 10))));
        double bottom = 1;
        int rates = results.stream().mapToInt(OpenLoopDispatch.Result::offeredPerSecond).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2 - 150, 18, "Order to arrival at the supplier's queue, ms"));
        for (double tick = bottom; tick <= top; tick *= 10) {
            double y = y(tick, bottom, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            svg.append(text(LEFT - 45, y + 4, String.format(Locale.ROOT, "%.0f", tick)));
        }
        for (OpenLoopDispatch.Result result : results) {
            double x = x(result.offeredPerSecond(), rates);
            svg.append(text(x - 10, HEIGHT - BOTTOM + 18, String.valueOf(result.offeredPerSecond())));
        }
        svg.append(text(WIDTH / 2 - 80, HEIGHT - 12, "offered rate, orders per second"));
        line(svg, results, OpenLoopDispatch.Result::p50, "#2b6a2f", "p50", 0, bottom, top, rates);
        line(svg, results, OpenLoopDispatch.Result::p99, "#b06000", "p99", 1, bottom, top, rates);
        line(svg, results, OpenLoopDispatch.Result::max, "#a01010", "max", 2, bottom, top, rates);
        line(svg, results, OpenLoopDispatch.Result::offeredP99, "#3050a0", "p99 from offer", 3, bottom, top, rates);
        svg.append("</svg>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg);
    }

    private static void line(StringBuilder svg, List<OpenLoopDispatch.Result> results,
                             ToDoubleFunction<OpenLoopDispatch.Result> value, String colour, String name, int row,
                             double bottom, double top, int rates) {
        StringBuilder points = new StringBuilder();
        for (OpenLoopDispatch.Result result : results) {
            double x = x(result.offeredPerSecond(), rates);
            double y = y(Math.max(bottom, value.applyAsDouble(result)), bottom, top);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
                    colour));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                + "stroke-width=\"2\"/>%n", points.toString().trim(), colour));
        int legend = TOP + 10 + row * 20;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"/>%n", WIDTH - RIGHT + 20, legend, WIDTH - RIGHT + 45, legend, colour));
        svg.append(text(WIDTH - RIGHT + 52, legend + 4, name));
    }

    private static double x(int rate, int highest) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) rate / highest;
    }

    private static double y(double value, double bottom, double top) {
        double share = (Math.log10(value) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom));
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM);
    }

    private static String text(double x, double y, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x, y, content);
    }
}
