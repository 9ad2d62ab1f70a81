package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for every text the hub takes in, from a parameter, a JSON field or a partner's message: no NUL, no
 * control character but tab, newline and carriage return, no Unicode direction override, which can make a name or
 * a number read as another on a page or a document, and nothing that is not a character: a lone surrogate, which no
 * encoding can write, or a noncharacter such as U+FFFE.
 */
public final class TextHygiene {

    /** What a text that breaks the rule holds, for the refusal that names its field. */
    public static final String BROKEN = "holds a control character, a direction override or no character at all";

    private TextHygiene() {
    }

    public static boolean isClean(String text) {
        return text == null || text.codePoints().allMatch(TextHygiene::allowed);
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
