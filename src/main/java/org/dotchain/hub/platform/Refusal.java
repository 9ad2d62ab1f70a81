package org.dotchain.hub.platform;

import java.time.Duration;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal a feature raises, with its HTTP status and its stable problem type, so that one handler answers every
 * refusal of every feature the same way and the platform needs to know none of them. The message is the API's, in
 * English; a page says the refusal in its reader's language by {@link #pageText()}.
 */
public abstract class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private String reason;
    private Object[] details = {};

    protected Refusal(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /**
     * Says which refusal of its type this is and what a page's text of it needs: the text is refusal.&lt;type&gt;.
     * &lt;reason&gt; of the message bundles, with the details as its arguments.
     */
    protected final void explain(String reason, Object... details) {
        this.reason = reason;
        this.details = details.clone();
    }

    /** The problem+json answer; a refusal with more to say adds its properties. */
    public ProblemDetail toProblem() {
        return Problems.of(status, type, getMessage());
    }

    /** How long the caller should wait before asking again (a Retry-After header), where waiting is the answer. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /**
     * The refusal as a page says it: its reason's text with its details, else its type's text, else (a refusal no
     * bundle has words for yet) the API's message.
     */
    public MessageSourceResolvable pageText() {
        String[] codes = reason == null ? new String[] {"refusal." + type}
                : new String[] {"refusal." + type + "." + reason, "refusal." + type};
        return new DefaultMessageSourceResolvable(codes, details, getMessage());
    }
}
