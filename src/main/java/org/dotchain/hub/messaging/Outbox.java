package org.dotchain.hub.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Where services publish what other systems must learn; the outbox-relay route carries it to the broker. */
@Component
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    Outbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Must join the caller's transaction: a message without its state change, or the reverse, is the bug this prevents. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage publish(String messageType, String destination, String correlationId, Object payload) {
        try {
            OutboxMessage message = new OutboxMessage(messageType, destination, correlationId,
                    json.writeValueAsString(payload));
            entityManager.persist(message);
            return message;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + messageType + " as JSON", e);
        }
    }
}
