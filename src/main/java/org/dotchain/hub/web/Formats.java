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
 * Money and dates as the reader's language writes them, for the pages ({@code ${@formats.money(x)}}): 1 234 567,89
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

    private static boolean ukrainian(Locale locale) {
        return "uk".equals(locale.getLanguage());
    }
}
