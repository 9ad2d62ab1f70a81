package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for every text the hub takes in, from a parameter, a JSON field or a partner's message: no NUL, no
 * control character but tab and newlines (a carriage return only before a newline), no Unicode direction override,
 * which can make a name or a number read as another on a page or a document, and nothing that is not a character:
 * a lone surrogate, which no encoding can write, or a noncharacter such as U+FFFE. A text of one line (a name, a
 * number, a code) takes no newline either.
 */
public final class TextHygiene {

    /** What a text that breaks the rule holds, for the refusal that names its field. */
    public static final String BROKEN = "holds a control character, a direction override or no character at all";

    /** The same for a text of one line, which a newline breaks too. */
    public static final String BROKEN_LINE = "holds a line break, a control character, a direction override or no "
            + "character at all";

    private TextHygiene() {
    }

    public static boolean isClean(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                return false;
            }
        }
        return text.codePoints().allMatch(TextHygiene::allowed);
    }

    /** The rule for a text of one line: no newline, beside the rest. */
    public static boolean isCleanLine(String text) {
        return isClean(text) && (text == null || text.indexOf('\n') < 0 && text.indexOf('\r') < 0);
    }

    /** The first field of a JSON document whose text breaks the rule, as a path (lines[0].serial), if any. */
    public static Optional<String> firstUnclean(JsonNode node) {
        return firstUnclean(node, "");
    }

    private static Optional<String> firstUnclean(JsonNode node, String path) {
        if (node.isTextual()) {
            return isClean(node.asText()) ? Optional.empty() : Optional.of(path.isEmpty() ? "(body)" : path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstUnclean(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!isClean(field.getKey())) {
                return Optional.of(path.isEmpty() ? "(name)" : path);
            }
            Optional<String> found = firstUnclean(field.getValue(), name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return false;
        }
        if (Character.isSurrogate((char) c) && c <= 0xffff || (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef)) {
            return false;
        }
        return !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069);
    }
}
