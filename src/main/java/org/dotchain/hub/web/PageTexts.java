package org.dotchain.hub.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A text the hub says on a page ({@code ${@texts.say(problem)}}): one from the message bundles in the reader's
 * language, its sums and days written as that language writes them; a plain text as it is.
 */
@Component("texts")
public class PageTexts {

    private final MessageSource messages;
    private final Formats formats;

    PageTexts(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String say(Object text) {
        if (!(text instanceof MessageSourceResolvable resolvable)) {
            return text == null ? null : text.toString();
        }
        Object[] arguments = resolvable.getArguments() == null ? null
                : Arrays.stream(resolvable.getArguments()).map(this::written).toArray();
        return messages.getMessage(new DefaultMessageSourceResolvable(resolvable.getCodes(), arguments,
                resolvable.getDefaultMessage()), LocaleContextHolder.getLocale());
    }

    private Object written(Object argument) {
        if (argument instanceof BigDecimal amount) {
            return formats.money(amount);
        }
        return argument instanceof LocalDate day ? formats.date(day) : argument;
    }
}
