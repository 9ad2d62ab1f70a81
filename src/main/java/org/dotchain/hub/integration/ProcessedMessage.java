package org.dotchain.hub.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** An inbound message id that has had its effect; the primary key makes a second effect impossible. */
@Entity
public class ProcessedMessage {

    @Id
    private String messageId;
    private String source;
    private Instant receivedAt = Instant.now();

    protected ProcessedMessage() {
    }

    public ProcessedMessage(String messageId, String source) {
        this.messageId = messageId;
        this.source = source;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getSource() {
        return source;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
