package org.dotchain.hub.platform;

import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused form, for the page to show again: the message beside the field at fault (fieldErrors), or above the form
 * when no field is; and what was typed, so nothing has to be typed twice.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(RuntimeException refused, Map<String, String> typed, RedirectAttributes next) {
        String field = refused instanceof InvalidFieldException invalid ? invalid.getField()
                : refused instanceof FieldConflictException conflict ? conflict.getField() : null;
        if (field == null) {
            next.addFlashAttribute("problem", refused.getMessage());
        } else {
            next.addFlashAttribute("fieldErrors", Map.of(field, refused.getMessage()));
        }
        next.addFlashAttribute("typed", typed);
    }
}
