package org.dotchain.hub.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A period of whole days, both ends included, either end open; a report or a view over it asks for its bounds as
 * days or as instants in the hub's time zone.
 */
public record Period(LocalDate from, LocalDate to) {

    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    public Period {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "The period ends on " + to + ", before it starts on " + from);
        }
    }

    public LocalDate firstDay() {
        return from == null ? EARLIEST : from;
    }

    public LocalDate lastDay() {
        return to == null ? LATEST : to;
    }

    /** The first instant of the period. */
    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end(ZoneId zone) {
        return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
