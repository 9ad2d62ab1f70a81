package org.dotchain.hub.platform;

import java.math.BigDecimal;

/** Sums of money as the database keeps them (numeric(15, 2)), checked once for every feature that takes one. */
public final class Amounts {

    public static final BigDecimal LARGEST = new BigDecimal("9999999999999.99");

    private Amounts() {
    }

    /** The amount, if it is a positive sum in UAH with at most two decimals; else refused with the field at fault. */
    public static BigDecimal positive(String field, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(LARGEST) > 0) {
            throw new InvalidFieldException(field, "'" + field + "' is a positive sum in UAH with at most two "
                    + "decimals, up to " + LARGEST.toPlainString());
        }
        return amount;
    }

    /**
     * A sum as people type it on a page, or paste it from one: spaces (narrow or not) between thousands, a comma or
     * a point before the kopecks; refused with the field at fault if it is no number.
     */
    public static BigDecimal typed(String field, String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip().replaceAll("[\\s\u00A0\u202F]", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "'" + field + "' is a sum in UAH, e.g. 2500000.00");
        }
    }
}
