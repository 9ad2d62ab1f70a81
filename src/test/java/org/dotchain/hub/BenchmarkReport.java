package org.dotchain.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's figures, each beside the baseline measured in the same run and the ratio between them (the figure
 * divided by its baseline): printed as a table, and written as JSON under target/benchmark/ with the date and the
 * machine, for a later run to compare. A rate is better higher, a time (unit ms) lower; each row says which.
 */
public final class BenchmarkReport {

    /** One figure beside its baseline, both in the unit given (a baseline may count other work: pages, messages). */
    public record Figure(String name, double value, String unit, String baseline, double baselineValue) {

        public Figure {
            if (!Double.isFinite(value) || !Double.isFinite(baselineValue) || baselineValue <= 0) {
                throw new IllegalArgumentException("No ratio for " + name + ": " + value + " / " + baselineValue);
            }
        }

        public double ratio() {
            return value / baselineValue;
        }

        public String better() {
            return unit.equals("ms") ? "lower" : "higher";
        }
    }

    private final String title;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();

    public BenchmarkReport(String title) {
        this.title = title;
    }

    /** A setting the figures were measured under (a batch size, a message size), for the JSON. */
    public BenchmarkReport setting(String name, Object value) {
        settings.put(name, value);
        return this;
    }

    public Figure add(String name, double value, String unit, String baseline, double baselineValue) {
        Figure figure = new Figure(name, value, unit, baseline, baselineValue);
        figures.add(figure);
        return figure;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Prints the table and writes target/benchmark/{file}.json; returns the JSON's path. */
    public Path publish(String file) throws IOException {
        int names = figures.stream().mapToInt(figure -> figure.name().length()).max().orElse(6);
        int baselines = figures.stream().mapToInt(figure -> figure.baseline().length()).max().orElse(8);
        String row = "%-" + names + "s %12s %-12s  %-" + baselines + "s %12s %7s  %s%n";
        System.out.printf("%n%s%n", title);
        System.out.printf(row, "figure", "value", "unit", "baseline", "baseline", "ratio", "better");
        for (Figure figure : figures) {
            System.out.printf(row, figure.name(), String.format("%.1f", figure.value()), figure.unit(),
                    figure.baseline(), String.format("%.1f", figure.baselineValue()),
                    String.format("%.2f", figure.ratio()), figure.better());
        }
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryBytes", ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize());
        machine.put("java", System.getProperty("java.version"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", machine);
        json.put("settings", settings);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", figure.name());
            entry.put("value", figure.value());
            entry.put("unit", figure.unit());
            entry.put("baseline", figure.baseline());
            entry.put("baselineValue", figure.baselineValue());
            entry.put("ratio", figure.ratio());
            entry.put("better", figure.better());
            rows.add(entry);
        }
        json.put("figures", rows);
        Path path = Path.of("target", "benchmark", file + ".json");
        Files.createDirectories(path.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), json);
        System.out.printf("(written to %s)%n", path);
        return path;
    }
}
