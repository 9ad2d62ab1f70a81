package org.dotchain.hub.platform;

import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused form, for the page to show again: the message beside the field at fault (fieldErrors) when a value is
 * of the wrong form, else above the form (problem); and what was typed, so nothing has to be typed twice.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(RuntimeException refused, Map<String, String> typed, RedirectAttributes next) {
        // a value of the wrong form is said beside its field, in the page's words; a conflict with what is recorded
        // (a number used already, a retired unit) above the form, as the service says it
        String field = refused instanceof InvalidFieldException invalid ? invalid.getField() : null;
        if (field == null) {
            next.addFlashAttribute("problem", refused.getMessage());
        } else {
            next.addFlashAttribute("fieldErrors", Map.of(field, refused.getMessage()));
        }
        next.addFlashAttribute("typed", typed);
    }
}
