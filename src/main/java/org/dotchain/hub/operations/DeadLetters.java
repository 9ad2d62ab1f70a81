package org.dotchain.hub.operations;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of every supplier queue, for an operator: see why each failed, then replay it to the queue it
 * came from (once: it leaves the dead letters in the same JMS transaction) or discard it.
 */
@Service
public class DeadLetters {

    static final String SUFFIX = ".DLQ";

    private final JmsTemplate jms;
    private final SupplierRepository suppliers;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    DeadLetters(ConnectionFactory connectionFactory, SupplierRepository suppliers, AuditTrail audit,
                TransactionTemplate transaction) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.suppliers = suppliers;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** @param bodyEncoding text, or base64 for a body of bytes that are not UTF-8 text; null for no body */
    public record DeadLetter(String queue, String jmsMessageId, String messageId, String reason, Instant failedAt,
                             String body, String bodyEncoding) {
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        for (String queue : deadLetterQueues()) {
            jms.browse(queue, (session, browser) -> {
                for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); ) {
                    letters.add(view(queue, (Message) messages.nextElement()));
                }
                return null;
            });
        }
        return letters;
    }

    /** Sends the dead letter back to the queue it failed on; it leaves the dead letters in the same transaction. */
    public void replay(String queue, String jmsMessageId, String operator) {
        move(queue, jmsMessageId, true);
        transaction.executeWithoutResult(status ->
                audit.record(operator, "DEAD_LETTER_REPLAYED", "message", jmsMessageId, "queue=" + queue));
    }

    public void discard(String queue, String jmsMessageId, String operator) {
        discard(queue, jmsMessageId, operator, null);
    }

    /** Discards the dead letter, the operator's reason kept in the audit trail. */
    public void discard(String queue, String jmsMessageId, String operator, String reason) {
        move(queue, jmsMessageId, false);
        transaction.executeWithoutResult(status -> audit.record(operator, "DEAD_LETTER_DISCARDED", "message",
                jmsMessageId, "queue=" + queue + (reason == null ? "" : " reason=" + reason)));
    }

    private void move(String queue, String jmsMessageId, boolean replay) {
        if (!deadLetterQueues().contains(queue)) {
            throw new NoSuchElementException("No dead-letter queue " + queue);
        }
        Boolean found = jms.execute(session -> {
            Queue source = session.createQueue(queue);
            try (MessageConsumer consumer = session.createConsumer(source,
                    "JMSMessageID = '" + jmsMessageId.replace("'", "''") + "'")) {
                Message message = consumer.receive(2_000);
                if (message == null) {
                    return false;
                }
                if (replay) {
                    try (MessageProducer producer = session.createProducer(
                            session.createQueue(queue.substring(0, queue.length() - SUFFIX.length())))) {
                        Message copy = copyOf(session, message);
                        for (String header : new String[] {"hubMessageId", "hubMessageType", PartnerHeaders.CORRELATION}) {
                            if (message.propertyExists(header)) {
                                copy.setStringProperty(header, message.getStringProperty(header));
                            }
                        }
                        copy.setJMSCorrelationID(message.getJMSCorrelationID());
                        producer.send(copy);
                    }
                }
                session.commit();
                return true;
            }
        }, true);
        if (!Boolean.TRUE.equals(found)) {
            throw new NoSuchElementException("No dead letter " + jmsMessageId + " on " + queue);
        }
    }

    private List<String> deadLetterQueues() {
        List<String> queues = new ArrayList<>();
        for (Supplier supplier : transaction.execute(status -> suppliers.findAll())) {
            queues.add(SupplierChannels.inboundOf(supplier.getCode()) + SUFFIX);
            queues.add(SupplierChannels.ordersOf(supplier.getCode()) + SUFFIX);
        }
        queues.add(SupplierChannels.FINANCE_PAYMENTS + SUFFIX);
        Collections.sort(queues);
        return queues;
    }

    private static DeadLetter view(String queue, Message message) {
        try {
            Body body = bodyOf(message);
            return new DeadLetter(queue, message.getJMSMessageID(), message.getStringProperty("hubMessageId"),
                    message.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON),
                    Instant.ofEpochMilli(message.getJMSTimestamp()), body.content(), body.encoding());
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a dead letter of " + queue, e);
        }
    }

    private record Body(String content, String encoding) {
    }

    /** The body and how it is written: text as it is, bytes as UTF-8 text where they are that, else Base64. */
    private static Body bodyOf(Message message) throws JMSException {
        if (message instanceof TextMessage text && text.getText() != null) {
            return new Body(text.getText(), "text");
        }
        if (message instanceof BytesMessage bytes) {
            byte[] content = bytesOf(bytes);
            try {
                return new Body(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString(), "text");
            } catch (CharacterCodingException notText) {
                return new Body(Base64.getEncoder().encodeToString(content), "base64");
            }
        }
        return new Body(null, null);
    }

    private static Message copyOf(Session session, Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return session.createTextMessage(text.getText());
        }
        if (message instanceof BytesMessage bytes) {
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(bytesOf(bytes));
            return copy;
        }
        throw new IllegalArgumentException("Only a dead letter of text or bytes can be replayed");
    }

    private static byte[] bytesOf(BytesMessage message) throws JMSException {
        message.reset();
        byte[] content = new byte[(int) message.getBodyLength()];
        message.readBytes(content);
        return content;
    }
}
