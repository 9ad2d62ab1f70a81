package org.dotchain.hub.platform;

/** A text a request must give: stripped, 1 to its most characters, or refused with the field at fault. */
public final class Texts {

    private Texts() {
    }

    public static String required(String field, String value, int most, String refusal) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > most) {
            throw new InvalidFieldException(field, refusal);
        }
        return text;
    }
}
