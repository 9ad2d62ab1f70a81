package org.dotchain.hub.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, dates and waits as the reader's language writes them, for the pages ({@code ${@formats.money(x)}}): 1 234 567,89
 * грн and 01.12.2026 in Ukrainian, UAH 1,234,567.89 and 1 Dec 2026 in English.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter UKRAINIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter UKRAINIAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat number = NumberFormat.getNumberInstance(ukrainian(locale) ? locale : Locale.UK);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        String figures = number.format(amount).replace('\u202F', '\u00A0');
        return ukrainian(locale) ? figures + "\u00A0грн" : "UAH\u00A0" + figures;
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return ukrainian(locale) ? UKRAINIAN_DATE.format(date)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK).format(date);
    }

    /** A month as 2026-11 names it: листопад 2026, November 2026. */
    public String month(String yearMonth) {
        Locale locale = LocaleContextHolder.getLocale();
        return YearMonth.parse(yearMonth).format(ukrainian(locale)
                ? DateTimeFormatter.ofPattern("LLLL yyyy", locale) : DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        var at = instant.atZone(clock.getZone());
        return ukrainian(locale) ? UKRAINIAN_TIME.format(at)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.UK)
                .format(at);
    }

    /** A wait as a person reads it: 45 с, 12 хв, 3 год 5 хв; 45 s, 12 min, 3 h 5 min. */
    public String duration(double seconds) {
        boolean uk = ukrainian(LocaleContextHolder.getLocale());
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + (uk ? "\u00A0с" : "\u00A0s");
        }
        long minutes = whole / 60;
        if (minutes < 60) {
            return minutes + (uk ? "\u00A0хв" : "\u00A0min");
        }
        return minutes / 60 + (uk ? "\u00A0год " : "\u00A0h ") + minutes % 60 + (uk ? "\u00A0хв" : "\u00A0min");
    }

    private static boolean ukrainian(Locale locale) {
        return "uk".equals(locale.getLanguage());
    }
}
