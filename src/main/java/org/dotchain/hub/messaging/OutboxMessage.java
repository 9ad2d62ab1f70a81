package org.dotchain.hub.messaging;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.component.jpa.Consumed;

/**
 * A message waiting to leave the hub, written in the transaction of the change it announces. Its message id is fixed
 * here, once, and travels with every delivery attempt so that receivers and the broker can drop repeats.
 */
@Entity
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID messageId;
    private String messageType;
    private String destination;
    private String correlationId;
    private String payload;
    private Instant createdAt = Instant.now();
    private Instant sentAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String messageType, String destination, String correlationId, String payload) {
        this.messageId = UUID.randomUUID();
        this.messageType = messageType;
        this.destination = destination;
        this.correlationId = correlationId;
        this.payload = payload;
    }

    /** Called by the outbox-relay route's JPA consumer once the broker has the message. */
    @Consumed
    public void markSent() {
        sentAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public UUID getMessageId() {
        return messageId;
    }

    public String getMessageType() {
        return messageType;
    }

    public String getDestination() {
        return destination;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
