package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the pages is in both languages, and every text a template asks for exists. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("#\\{'?([a-zA-Z][\\w.]*?)'?[}(]");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryTemplatesKey() throws IOException {
        Set<String> ukrainian = keys("i18n/messages_uk.properties");
        Set<String> english = keys("i18n/messages_en.properties");
        assertThat(ukrainian).as("Ukrainian against English").isEqualTo(english);
        assertThat(ukrainian).isNotEmpty();

        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = KEY.matcher(Files.readString(template));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        // keys made of a prefix and a value (#{'type.' + ${t}}) are checked by their prefix having entries
        for (String key : used) {
            if (key.endsWith(".")) {
                assertThat(ukrainian).as("texts for %s*", key).anyMatch(known -> known.startsWith(key));
            } else {
                assertThat(ukrainian).as("the text %s", key).contains(key);
            }
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages.stringPropertyNames();
    }
}
