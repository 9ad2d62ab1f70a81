package org.dotchain.hub.integration;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.stereotype.Component;

/** A supplier's system as it connects to the hub's broker: over TCP, as its own broker user. */
@Component
public class SupplierConnections {

    private final EmbeddedActiveMQ broker;
    private final SupplierKeys keys;

    SupplierConnections(EmbeddedActiveMQ broker, SupplierKeys keys) {
        this.broker = broker;
        this.keys = keys;
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
