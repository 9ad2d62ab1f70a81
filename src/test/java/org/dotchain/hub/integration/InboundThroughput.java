package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier's messages applied per second over JMS, deduplication on: a backlog of order responses, one for each of
 * the given orders, put on the supplier's inbound queue while its route is stopped, then taken and applied once the
 * route starts, each in its own broker and database transactions as in production.
 */
final class InboundThroughput {

    private static final String ROUTE = "skyforge-jms-inbound";
    private static final String QUEUE = "supplier.skyforge.inbound";

    private InboundThroughput() {
    }

    /** Messages applied per second; each order of the list is TRANSFERRED once its response is applied. */
    static double orderResponses(CamelContext camel, ConnectionFactory skyforge, JdbcTemplate db,
                                 List<String> orders) throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        try (Connection connection = skyforge.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            for (String order : orders) {
                producer.send(session.createTextMessage("{\"contractVersion\":\"1.0\",\"messageType\":"
                        + "\"ORDER_RESPONSE\",\"messageId\":\"" + UUID.randomUUID() + "\",\"orderNumber\":\""
                        + order + "\",\"responseCode\":\"AB\"}"));
                session.commit();
            }
        }
        Instant start = Instant.now();
        camel.getRouteController().startRoute(ROUTE);
        Instant deadline = start.plus(Duration.ofMinutes(5));
        String[] numbers = orders.toArray(String[]::new);
        while (transferred(db, numbers) < orders.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Only " + transferred(db, numbers) + " of " + orders.size()
                        + " order responses applied");
            }
            Thread.sleep(20);
        }
        return orders.size() / (Duration.between(start, Instant.now()).toNanos() / 1e9);
    }

    private static int transferred(JdbcTemplate db, String[] orders) {
        return db.queryForObject("select count(*) from purchase_order where status = 'TRANSFERRED' "
                + "and order_number = any(?)", Integer.class, (Object) orders);
    }
}
