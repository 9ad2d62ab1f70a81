package org.dotchain.hub.messaging;

import java.time.Instant;

/** The outbox relay could not hand a destination's message to the broker, for the first time since {@code since}. */
public record OutboxDestinationUnreachable(String destination, String reason, Instant since) {
}
