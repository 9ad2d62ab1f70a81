package org.dotchain.hub.integration;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.partners.Partner;
import org.dotchain.hub.partners.Partners;
import org.dotchain.hub.platform.BrokerSecurity;
import org.dotchain.hub.platform.EmbeddedBrokerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives each supplier with a broker password its own user on the embedded broker, allowed to take from its own
 * orders queue and to send to its own inbound queue, nothing else (not its dead letters, which are the operators'),
 * then opens the broker's network acceptor: no supplier's system can connect before its user exists. With an external broker, its operators set this up there.
 */
@Component
class SupplierBrokerUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupplierBrokerUsers.class);
    /** On its orders queue: take what the hub sends it (the queue is made on first use if it is not there yet). */
    private static final Set<CheckType> TAKES = EnumSet.of(CheckType.CONSUME, CheckType.BROWSE,
            CheckType.CREATE_ADDRESS, CheckType.CREATE_DURABLE_QUEUE);
    /** On its inbound queue: send its messages to the hub. */
    private static final Set<CheckType> SENDS = EnumSet.of(CheckType.SEND, CheckType.CREATE_ADDRESS,
            CheckType.CREATE_DURABLE_QUEUE);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final ObjectProvider<SecurityConfiguration> users;
    private final Partners partners;
    private final SupplierKeys keys;

    SupplierBrokerUsers(ObjectProvider<EmbeddedActiveMQ> broker, ObjectProvider<SecurityConfiguration> users,
                        Partners partners, SupplierKeys keys) {
        this.broker = broker;
        this.users = users;
        this.partners = partners;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the partners' signing keys are there from the start (generated, in the demo), for their systems to read too
        partners.all().forEach(partner -> keys.keyOf(partner.getCode()));
        List<Partner> all = partners.suppliers();
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null) {
            return;
        }
        SecurityConfiguration security = users.getObject();
        for (Partner supplier : all) {
            keys.brokerPasswordOf(supplier.getCode()).ifPresent(password -> {
                String user = supplier.getCode();
                security.addUser(user, password);
                security.addRole(user, "supplier-" + user);
                Role hub = BrokerSecurity.role(BrokerSecurity.HUB_ROLE, EnumSet.allOf(CheckType.class));
                var matches = embedded.getActiveMQServer().getSecurityRepository();
                matches.addMatch(SupplierChannels.ordersOf(user),
                        Set.of(hub, BrokerSecurity.role("supplier-" + user, TAKES)));
                matches.addMatch(SupplierChannels.inboundOf(user),
                        Set.of(hub, BrokerSecurity.role("supplier-" + user, SENDS)));
                log.info("Broker user {} may take from {} and send to {}, nothing else", user,
                        SupplierChannels.ordersOf(user), SupplierChannels.inboundOf(user));
            });
        }
        EmbeddedBrokerConfiguration.openNetworkAcceptor(embedded);
    }
}
