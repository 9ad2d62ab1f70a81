package org.dotchain.hub.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day as a page's date field sends it (2026-11-30): none if left empty, refused with its field if malformed. */
public final class Days {

    private Days() {
    }

    public static LocalDate typed(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "'" + field + "' is a day, e.g. 2026-11-30");
        }
    }
}
