package org.dotchain.hub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.HierarchicalRepository;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.platform.BrokerSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay's poll as its route makes it: a database transaction that joins its broker transaction and sends
 * through Camel's JMS producer. The broker has a poll's messages only once the poll commits, and commits first; a
 * commit it refuses (a destination refusing the hub, a resend of a message it had) rolls the database back, and the
 * next polls send one row at a time, a resend then dropped alone, until one goes through. A relay of the test's own,
 * beside the hub's, so that the hub's polls meanwhile change nothing here.
 */
@HubIntegrationTest
class OutboxTransactionTest {

    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    CamelContext context;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;

    OutboxTransaction relay;
    TransactionTemplate poll;

    @BeforeEach
    void aRelayOfItsOwn() {
        // no destination waits for this relay (other tests' waits are the hub's relay's)
        db.update("delete from outbox_pause");
        relay = new OutboxTransaction(hubConnections, new OutboxPauses(db, transactions, events));
        poll = new TransactionTemplate(transactions);
        assertThat(relay.oneRowAtATime()).isFalse();
    }

    @Test
    void aPollsMessagesReachTheBrokerTogetherWithItsDatabaseCommit() {
        String queue = "test.outbox.poll-" + UUID.randomUUID();
        String mark = queue + ".mark";
        try {
            poll.executeWithoutResult(status -> {
                join();
                for (int message = 1; message <= 3; message++) {
                    send(queue, "message " + message, UUID.randomUUID().toString());
                }
                markInThePoll(mark);
                // time enough for a message sent by itself to be on the queue (a stored message is put on its
                // queue a moment after the send returns)
                sleep(500);
                assertThat(messagesOn(queue)).as("before the poll commits").isZero();
            });
            awaitMessagesOn(queue, 3);
            assertThat(marked(mark)).isOne();
        } finally {
            db.update("delete from outbox_pause where destination = ?", mark);
        }
    }

    @Test
    void aPollThatRollsBackSendsNothing() {
        String queue = "test.outbox.poll-" + UUID.randomUUID();
        assertThatThrownBy(() -> poll.executeWithoutResult(status -> {
            join();
            send(queue, "message 1", UUID.randomUUID().toString());
            send(queue, "message 2", UUID.randomUUID().toString());
            throw new IllegalStateException("the poll fails");
        })).hasMessage("the poll fails");
        sleep(500);
        assertThat(messagesOn(queue)).isZero();
    }

    @Test
    void aCommitTheBrokerRefusesRollsTheDatabaseBackAndTheNextPollsGoOneRowAtATime() {
        String refusing = "test.outbox.refusing-" + UUID.randomUUID();
        String mark = refusing + ".mark";
        String accepting = "test.outbox.poll-" + UUID.randomUUID();
        HierarchicalRepository<Set<Role>> security = broker.getActiveMQServer().getSecurityRepository();
        security.addMatch(refusing, Set.of(BrokerSecurity.role(BrokerSecurity.HUB_ROLE,
                EnumSet.complementOf(EnumSet.of(CheckType.SEND)))));
        try {
            assertThatThrownBy(() -> poll.executeWithoutResult(status -> {
                join();
                send(accepting, "sent beside the refused one", UUID.randomUUID().toString());
                send(refusing, "refused", UUID.randomUUID().toString());
                markInThePoll(mark);
            })).as("the poll's commit").hasStackTraceContaining("permission");
            assertThat(marked(mark)).as("the poll's database write, rolled back").isZero();
            sleep(500);
            assertThat(messagesOn(accepting)).as("what the refused poll sent beside").isZero();
            assertThat(relay.oneRowAtATime()).isTrue();

            poll.executeWithoutResult(status -> {
                join();
                send(accepting, "sent by itself", UUID.randomUUID().toString());
                // on the queue as soon as the broker has stored it, before the poll commits
                awaitMessagesOn(accepting, 1);
            });
            assertThat(relay.oneRowAtATime()).as("after a poll sent one row at a time went through").isFalse();
        } finally {
            security.removeMatch(refusing);
        }
    }

    /** As when the hub died between the broker's commit and the database's: the rows go again. */
    @Test
    void aResendInAPollIsRefusedWithItAndThenDroppedAlone() {
        String queue = "test.outbox.poll-" + UUID.randomUUID();
        String taken = UUID.randomUUID().toString();
        poll.executeWithoutResult(status -> {
            join();
            send(queue, "taken", taken);
        });
        awaitMessagesOn(queue, 1);

        String fresh = UUID.randomUUID().toString();
        assertThatThrownBy(() -> poll.executeWithoutResult(status -> {
            join();
            send(queue, "taken", taken);
            send(queue, "fresh", fresh);
        })).as("a poll holding a resend").hasStackTraceContaining("Duplicate message detected");
        sleep(500);
        assertThat(messagesOn(queue)).as("nothing of that poll").isOne();
        assertThat(relay.oneRowAtATime()).isTrue();

        poll.executeWithoutResult(status -> {
            join();
            send(queue, "taken", taken);
            send(queue, "fresh", fresh);
        });
        // the resend dropped, the fresh one taken
        awaitMessagesOn(queue, 2);
        sleep(500);
        assertThat(messagesOn(queue)).isEqualTo(2);
        assertThat(relay.oneRowAtATime()).isFalse();
    }

    /** The broker away altogether: the poll fails before its first send, and no destination is made to wait. */
    @Test
    void aPollThatCannotReachTheBrokerFailsAndNoDestinationWaits() {
        OutboxPauses pauses = new OutboxPauses(db, transactions, events);
        try (ActiveMQConnectionFactory nowhere = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:1?initialConnectAttempts=1&reconnectAttempts=0")) {
            OutboxTransaction brokerless = new OutboxTransaction(nowhere, pauses);

            assertThatThrownBy(() -> poll.executeWithoutResult(status -> {
                try {
                    brokerless.join();
                } catch (JMSException e) {
                    Exchange exchange = new DefaultExchange(context);
                    exchange.setException(e);
                    pauses.pause(exchange, null);
                    throw new IllegalStateException(e);
                }
            })).hasCauseInstanceOf(JMSException.class);
        }
        assertThat(pauses.anyWaiting()).as("a destination waiting").isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void join() {
        try {
            relay.join();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the relay's route sends a row: Camel's JMS producer, the row's message id as the duplicate id. */
    private void send(String queue, String body, String messageId) {
        camel.sendBodyAndHeaders("jms:queue:" + queue, body, Map.of("_AMQ_DUPL_ID", messageId));
    }

    private void markInThePoll(String destination) {
        db.update("insert into outbox_pause (destination, since, paused_until, failures, reason) "
                + "values (?, now(), now(), 1, 'the poll''s own write')", destination);
    }

    /** Once the broker has put them on the queue, a moment after it answered. */
    private void awaitMessagesOn(String queue, long count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesOn(queue) == count);
    }

    private long messagesOn(String queue) {
        var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    private int marked(String destination) {
        return db.queryForObject("select count(*) from outbox_pause where destination = ?", Integer.class,
                destination);
    }
}
