package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The items of one class of src/test/resources/hostile: each line of its items.jsonl (a JSON string, or
 * {"prefix", "repeat", "times", "suffix"} for one too large to keep), and each other file of its folder whole.
 */
record HostileCorpus(String hostileClass, List<Item> items) {

    /** One item: its name (a file's name, or its line) and its text (a file's: its bytes, one char each). */
    record Item(String name, String text, boolean file) {

        byte[] bytes() {
            return text.getBytes(file ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static HostileCorpus of(String hostileClass) {
        try {
            Path folder = Path.of(HostileCorpus.class.getResource("/hostile/" + hostileClass).toURI());
            List<Item> items = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals("items.jsonl")) {
                        List<String> lines = Files.readAllLines(file);
                        for (int line = 0; line < lines.size(); line++) {
                            if (!lines.get(line).isBlank()) {
                                items.add(new Item(hostileClass + ":" + (line + 1),
                                        textOf(JSON.readTree(lines.get(line))), false));
                            }
                        }
                    } else {
                        // byte for byte, invalid UTF-8 too: sent as ISO-8859-1, which maps each char to its byte
                        items.add(new Item(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                                true));
                    }
                }
            }
            return new HostileCorpus(hostileClass, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The items as descriptions (forged signatures, replayed codes): each line's JSON as it is. */
    static List<JsonNode> descriptions(String hostileClass) {
        try {
            Path file = Path.of(HostileCorpus.class.getResource("/hostile/" + hostileClass + "/items.jsonl").toURI());
            List<JsonNode> descriptions = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    descriptions.add(JSON.readTree(line));
                }
            }
            return descriptions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(JsonNode line) {
        if (line.isTextual()) {
            return line.textValue();
        }
        return line.path("prefix").asText() + line.path("repeat").asText().repeat(line.path("times").asInt())
                + line.path("suffix").asText();
    }
}
