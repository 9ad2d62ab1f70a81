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
 * A benchmark's figures, each beside the baseline measured in the same run and the ratio between them: printed as a
 * table, and written as JSON under target/benchmark/ with the date and the machine, for a later run to compare.
 */
public final class BenchmarkReport {

    /** One figure: what the hub did beside what the baseline did, in the same unit. */
    public record Figure(String name, double value, String unit, String baseline, double baselineValue) {

        public double ratio() {
            return value / baselineValue;
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
        System.out.printf("%n%s%n", title);
        System.out.printf("%-52s %12s %-12s  %-44s %12s %7s%n", "figure", "value", "unit", "baseline", "baseline",
                "ratio");
        for (Figure figure : figures) {
            System.out.printf("%-52s %12.1f %-12s  %-44s %12.1f %7.2f%n", figure.name(), figure.value(),
                    figure.unit(), figure.baseline(), figure.baselineValue(), figure.ratio());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "memoryBytes", ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                        .getOperatingSystemMXBean()).getTotalMemorySize(),
                "java", System.getProperty("java.version")));
        json.put("settings", settings);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", figure.name());
            row.put("value", figure.value());
            row.put("unit", figure.unit());
            row.put("baseline", figure.baseline());
            row.put("baselineValue", figure.baselineValue());
            row.put("ratio", figure.ratio());
            rows.add(row);
        }
        json.put("figures", rows);
        Path path = Path.of("target", "benchmark", file + ".json");
        Files.createDirectories(path.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), json);
        System.out.printf("(written to %s)%n", path);
        return path;
    }
}
