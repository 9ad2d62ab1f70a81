package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker's acceptor over TLS, by configuration alone (hub.broker.acceptor-url with Artemis' TLS options):
 * a supplier's AMQP client (amqps) and CORE client take their orders over it, a client that does not speak TLS
 * gets nothing.
 */
@HubIntegrationTest
class BrokerTlsTest {

    static final String PASSWORD = "test-only-" + UUID.randomUUID();

    @DynamicPropertySource
    static void aTlsAcceptor(DynamicPropertyRegistry settings) throws IOException, InterruptedException {
        Path keyStore = Files.createTempDirectory("broker-tls").resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        settings.add("hub.broker.acceptor-url", () -> "tcp://127.0.0.1:0?protocols=CORE,AMQP&sslEnabled=true"
                + "&keyStoreType=PKCS12&keyStorePath=" + keyStore + "&keyStorePassword=" + PASSWORD);
    }

    @Autowired
    SupplierConnections connections;
    @Autowired
    PartnerKeys keys;
    @Autowired
    OrderPlacement placement;

    @Test
    void suppliersTakeTheirOrdersOverTlsOnly() throws Exception {
        String port = connections.url().substring(connections.url().lastIndexOf(':') + 1);
        String password = keys.brokerPasswordOf("skyforge").orElseThrow();

        String first = formedOrder();
        try (Connection amqps = new JmsConnectionFactory("skyforge", password, "amqps://127.0.0.1:" + port
                + "?transport.trustAll=true&transport.verifyHost=false").createConnection()) {
            assertThat(takeOrder(amqps, first)).as("over AMQP and TLS").isNotNull();
        }
        String second = formedOrder();
        try (Connection core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port
                + "?sslEnabled=true&trustAll=true&verifyHost=false", "skyforge", password).createConnection()) {
            assertThat(takeOrder(core, second)).as("over CORE and TLS").isNotNull();
        }
        assertThatThrownBy(() -> new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port
                + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=3000", "skyforge", password)
                .createConnection().close()).as("without TLS").isInstanceOf(JMSException.class);
    }

    private String formedOrder() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV7", 1)).getOrderNumber();
        placement.form(orderNumber);
        return orderNumber;
    }

    private static TextMessage takeOrder(Connection connection, String orderNumber) throws JMSException {
        connection.start();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer orders = session.createConsumer(session.createQueue("supplier.skyforge.orders"),
                "JMSCorrelationID = '" + orderNumber + "'");
        return (TextMessage) orders.receive(10_000);
    }
}
