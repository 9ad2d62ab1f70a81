package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * routes/README.md is the map of every flow: it names every route, route template and route configuration of
 * routes/ and connectors/, and names none that is not there, so the page cannot drift from the routes.
 */
class RoutesReadmeTest {

    private static final Pattern ID = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void theReadmeNamesEveryRouteAndNothingElse() throws IOException {
        Set<String> defined = new TreeSet<>();
        for (Path file : yamlFiles()) {
            List<Map<String, Object>> entries = new Yaml().load(Files.readString(file));
            for (Map<String, Object> entry : entries) {
                entry.forEach((kind, definition) -> {
                    switch (kind) {
                        case "route", "routeTemplate", "routeConfiguration" -> defined.add(field(definition, "id"));
                        case "templatedRoute" -> defined.add(field(definition, "routeId"));
                        case "rest" -> defined.add(field(((Map<?, ?>) definition).get("openApi"), "routeId"));
                        default -> {
                            // beans: no flow
                        }
                    }
                });
            }
        }
        Set<String> named = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("routes/README.md"))) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `") && cells.length > 2) {
                Matcher ids = ID.matcher(cells[2]);
                while (ids.find()) {
                    named.add(ids.group(1));
                }
            }
        }

        assertThat(defined).as("routes, templates and route configurations").hasSizeGreaterThan(15)
                .doesNotContainNull();
        assertThat(named).as("the ids routes/README.md names").isEqualTo(defined);
    }

    /** A connector file's author reads the templates' parameters: each says what it is, what for, and an example. */
    @Test
    void everyTemplateParameterHasATitleADescriptionAndAnExample() throws IOException {
        int parameters = 0;
        for (Path file : yamlFiles()) {
            List<Map<String, Object>> entries = new Yaml().load(Files.readString(file));
            for (Map<String, Object> entry : entries) {
                if (entry.get("routeTemplate") instanceof Map<?, ?> template) {
                    assertThat((String) template.get("description")).as("the description of %s", template.get("id"))
                            .isNotBlank();
                    for (Object parameter : (List<?>) template.get("parameters")) {
                        assertThat(field(parameter, "description")).as("%s of %s", field(parameter, "name"),
                                template.get("id")).matches("[A-Z][^.]*\\. .+ Example: \\S+");
                        parameters++;
                    }
                }
            }
        }
        assertThat(parameters).isEqualTo(11);
    }

    private static String field(Object definition, String name) {
        return (String) ((Map<?, ?>) definition).get(name);
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes")); Stream<Path> connectors = Files.list(Path.of("connectors"))) {
            return Stream.concat(routes, connectors).filter(file -> file.toString().endsWith(".camel.yaml")).sorted()
                    .toList();
        }
    }
}
