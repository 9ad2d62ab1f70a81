package org.dotchain.hub.integration;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.Base64;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A supplier's system as it connects to the hub: to its broker over TCP, as its own broker user; over HTTP, with
 * requests signed with its own key.
 */
@Component
public class SupplierConnections {

    private final EmbeddedActiveMQ broker;
    private final PartnerKeys keys;
    private final Clock clock;

    SupplierConnections(EmbeddedActiveMQ broker, PartnerKeys keys, Clock clock) {
        this.broker = broker;
        this.keys = keys;
        this.clock = clock;
    }

    /** The signature headers of an HTTP request of the supplier's, now. */
    public HttpHeaders signed(String supplier, String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpHeaders headers = new HttpHeaders();
        headers.set(RequestSignatures.TIMESTAMP, timestamp);
        headers.set(RequestSignatures.SIGNATURE, Base64.getEncoder().encodeToString(
                RequestSignatures.sign(keys.keyOf(supplier).orElseThrow(), timestamp, body)));
        return headers;
    }

    /** The signature of a request's bytes of the partner's, at the time given. */
    public String signatureOf(String partner, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(RequestSignatures.sign(keys.keyOf(partner).orElseThrow(),
                timestamp, body));
    }

    public ConnectionFactory as(String supplier) {
        return new ActiveMQConnectionFactory(url(), supplier, keys.brokerPasswordOf(supplier).orElseThrow());
    }

    public ConnectionFactory anonymous() {
        return new ActiveMQConnectionFactory(url());
    }

    /** The acceptor's port; tests bind it to a free one, and a restarted broker may take another. */
    public String url() {
        int port = ((NettyAcceptor) broker.getActiveMQServer().getRemotingService().getAcceptor("network")).getActualPort();
        return "tcp://127.0.0.1:" + port;
    }
}
