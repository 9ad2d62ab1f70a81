package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.ConnectionFactory;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.HierarchicalRepository;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.messaging.OutboxTransaction;
import org.dotchain.hub.platform.BrokerSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay's poll, as the relay's route makes it: a database transaction in which the relay joins its broker
 * transaction and sends through Spring's JMS template (as Camel's producer does). The broker has the messages only
 * once the poll commits, and the broker commits first: a commit it refuses rolls the database back, and the next
 * polls send one by one until one goes through.
 */
@HubIntegrationTest
class OutboxTransactionTest {

    @Autowired
    OutboxTransaction outboxTransaction;
    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate db;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPollsMessagesReachTheBrokerTogetherWithItsDatabaseCommit() {
        String queue = "test.outbox.poll-" + UUID.randomUUID();
        String mark = queue + ".mark";
        JmsTemplate jms = new JmsTemplate(hubConnections);
        new TransactionTemplate(transactions).executeWithoutResult(poll -> {
            join();
            for (int message = 1; message <= 3; message++) {
                jms.convertAndSend(queue, "message " + message);
            }
            db.update("insert into outbox_pause (destination, since, paused_until, failures, reason) "
                    + "values (?, now(), now(), 1, 'the poll''s own write')", mark);
            assertThat(messagesOn(queue)).as("before the poll commits").isZero();
        });
        assertThat(messagesOn(queue)).as("after the poll committed").isEqualTo(3);
        assertThat(marked(mark)).isOne();
        db.update("delete from outbox_pause where destination = ?", mark);
    }

    @Test
    void aPollThatRollsBackSendsNothing() {
        String queue = "test.outbox.poll-" + UUID.randomUUID();
        JmsTemplate jms = new JmsTemplate(hubConnections);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(poll -> {
            join();
            jms.convertAndSend(queue, "message 1");
            jms.convertAndSend(queue, "message 2");
            throw new IllegalStateException("the poll fails");
        })).hasMessage("the poll fails");
        assertThat(messagesOn(queue)).isZero();
    }

    @Test
    void aCommitTheBrokerRefusesRollsTheDatabaseBackAndTheNextPollsGoOneByOne() {
        String refusing = "test.outbox.refusing-" + UUID.randomUUID();
        String mark = refusing + ".mark";
        String accepting = "test.outbox.poll-" + UUID.randomUUID();
        HierarchicalRepository<Set<Role>> security = broker.getActiveMQServer().getSecurityRepository();
        security.addMatch(refusing, Set.of(BrokerSecurity.role(BrokerSecurity.HUB_ROLE,
                EnumSet.complementOf(EnumSet.of(CheckType.SEND)))));
        // a message the broker takes without an answer, so that its refusal comes at the commit
        JmsTemplate unanswered = new JmsTemplate(hubConnections);
        unanswered.setExplicitQosEnabled(true);
        unanswered.setDeliveryPersistent(false);
        JmsTemplate jms = new JmsTemplate(hubConnections);
        try {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(poll -> {
                join();
                jms.convertAndSend(accepting, "sent beside the refused one");
                unanswered.convertAndSend(refusing, "refused");
                db.update("insert into outbox_pause (destination, since, paused_until, failures, reason) "
                        + "values (?, now(), now(), 1, 'the poll''s own write')", mark);
            })).as("the poll's commit").isNotNull();
            assertThat(marked(mark)).as("the poll's database write, rolled back").isZero();
            assertThat(messagesOn(accepting)).as("what the refused poll sent beside").isZero();
            assertThat(outboxTransaction.sendsOneByOne()).isTrue();

            new TransactionTemplate(transactions).executeWithoutResult(poll -> {
                join();
                jms.convertAndSend(accepting, "sent by itself");
                assertThat(messagesOn(accepting)).as("sent by itself, before the poll commits").isOne();
            });
            assertThat(outboxTransaction.sendsOneByOne()).as("after a poll sent one by one went through").isFalse();
        } finally {
            security.removeMatch(refusing);
        }
    }

    private void join() {
        try {
            outboxTransaction.join();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
