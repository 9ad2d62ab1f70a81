package org.dotchain.hub.platform;

import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refusal as the next page shows it, in its reader's language: above the form (problem) or, for a value of the
 * wrong form, beside the field at fault (fieldErrors), with what was typed kept, so nothing has to be typed twice.
 */
public final class PageRefusals {

    private PageRefusals() {
    }

    /** The refusal above the page's content. */
    public static void show(RuntimeException refused, RedirectAttributes next) {
        next.addFlashAttribute("problem", said(refused));
    }

    /** A refused form, to show again with what was typed. */
    public static void show(RuntimeException refused, Map<String, String> typed, RedirectAttributes next) {
        String field = refused instanceof InvalidFieldException invalid ? invalid.getField() : null;
        if (field == null) {
            show(refused, next);
        } else {
            // the page has its words for each field (field.<name>); the message is for a field it has none for
            next.addFlashAttribute("fieldErrors", Map.of(field, refused.getMessage()));
        }
        next.addFlashAttribute("typed", typed);
    }

    /**
     * What a page says of it: a refusal's own text in the bundles, a wrong value's its field's (field.&lt;name&gt;),
     * something not (or no longer) there as such, or the message of anything else.
     */
    public static Object said(RuntimeException refused) {
        if (refused instanceof Refusal refusal) {
            return refusal.pageText();
        }
        if (refused instanceof InvalidFieldException invalid) {
            return new DefaultMessageSourceResolvable(new String[] {"field." + invalid.getField()},
                    invalid.getMessage());
        }
        return refused instanceof NoSuchElementException
                ? new DefaultMessageSourceResolvable(new String[] {"problem.gone"}, refused.getMessage())
                : refused.getMessage();
    }
}
