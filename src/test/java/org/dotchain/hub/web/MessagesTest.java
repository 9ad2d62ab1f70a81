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

    /**
     * Every refusal the code raises, by its type and, where it names one, its reason or field, every wrong value, by
     * its field, and every alert, by its kind, has its words in the bundles, so that no page shows the API's
     * English message.
     */
    @Test
    void everyRefusalWrongValueAndAlertHasItsWordsOnThePages() throws IOException {
        Set<String> ukrainian = keys("i18n/messages_uk.properties");
        Set<String> raised = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        Set<String> fields = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher type = REFUSAL_TYPE.matcher(code);
                while (type.find()) {
                    raised.add("refusal." + type.group(1));
                }
                Matcher conflict = FIELD_CONFLICT.matcher(code);
                while (conflict.find()) {
                    raised.add("refusal." + conflict.group(1) + "." + conflict.group(2));
                }
                Matcher alert = ALERT.matcher(code);
                while (alert.find()) {
                    alerts.add("alert." + alert.group(1));
                }
                Matcher field = FIELD.matcher(code);
                while (field.find()) {
                    fields.add("field." + field.group(1));
                }
                Matcher reason = REASON.matcher(code);
                while (reason.find()) {
                    raised.add(reason.group(1) + "." + reason.group(2));
                }
            }
        }
        assertThat(raised).hasSizeGreaterThan(20);
        assertThat(alerts).hasSizeGreaterThan(5);
        assertThat(ukrainian).as("the alerts' texts").containsAll(alerts);
        assertThat(fields).hasSizeGreaterThan(20);
        assertThat(ukrainian).as("the wrong values' texts, by field").containsAll(fields);
        for (String key : raised) {
            if (key.contains("refusal.")) {
                assertThat(ukrainian).as("the text %s", key).contains(key);
            } else {
                assertThat(ukrainian).as("the text of %s", key).anyMatch(known -> known.startsWith("refusal.")
                        && known.endsWith("." + key.substring(key.indexOf('.') + 1)));
            }
        }
    }

    private static final Pattern REFUSAL_TYPE = Pattern.compile("super\\(HttpStatus\\.\\w+,\\s*\"([a-z-]+)\"");
    private static final Pattern FIELD_CONFLICT = Pattern.compile(
            "new FieldConflictException\\(\\s*\"([a-z-]+)\",\\s*\"(\\w+)\"");
    private static final Pattern ALERT = Pattern.compile("raise\\(\\s*\"([A-Z_]+)\"");
    private static final Pattern FIELD = Pattern.compile(
            "(?:InvalidFieldException|Texts\\.required|Amounts\\.positive|Amounts\\.typed|Days\\.typed)\\(\"(\\w+)\"");
    /** The refusals that name their reason first: new XException("not-your-turn", message, details). */
    private static final Pattern REASON = Pattern.compile("new ((?:AccessProcedure|IllegalOrderTransition"
            + "|SigningRefused|RatingRefused)Exception)\\(\\s*\"([a-z]+(?:-[a-z]+)*)\",");

    private static Set<String> keys(String resource) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages.stringPropertyNames();
    }
}
