package org.dotchain.hub.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request's text that is prose (a reason, a comment, a description), where a person may break lines: it takes
 * newlines. Every other text of a JSON body is one line ({@link TextHygiene#isCleanLine}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
