package org.dotchain.hub.integration;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.ResourceLimitSettings;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
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
 * The embedded broker as the partners find it: every partner's queues declared, each supplier with a broker
 * password its own user, allowed to take from its own orders queue and to send to its own inbound queue, nothing
 * else (not its dead letters, which are the operators'); then the network acceptor opens, so no partner's system
 * can connect before its user and queues exist. With an external broker, its operators set this up there.
 */
@Component
class PartnerBrokerSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnerBrokerSetup.class);
    /**
     * On its orders queue: take what the hub sends it. Nothing more: the queue is there from the start, and a
     * client that asks for another kind of address (a topic subscription, say) is refused instead of making one.
     */
    private static final Set<CheckType> TAKES = EnumSet.of(CheckType.CONSUME, CheckType.BROWSE);
    /** On its inbound queue: send its messages to the hub. */
    private static final Set<CheckType> SENDS = EnumSet.of(CheckType.SEND);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final ObjectProvider<SecurityConfiguration> users;
    private final Partners partners;
    private final PartnerKeys keys;
    private final PartnerLimits limits;

    PartnerBrokerSetup(ObjectProvider<EmbeddedActiveMQ> broker, ObjectProvider<SecurityConfiguration> users,
                        Partners partners, PartnerKeys keys, PartnerLimits limits) {
        this.limits = limits;
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
        declareQueues(embedded.getActiveMQServer());
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
                // a system that opens connection after connection holds no more than its share of the broker
                ResourceLimitSettings share = new ResourceLimitSettings();
                share.setMatch(SimpleString.of(user));
                share.setMaxSessions(limits.brokerSessionsOf(user));
                share.setMaxQueues(0);
                embedded.getActiveMQServer().getConfiguration().addResourceLimitSettings(share);
                log.info("Broker user {} may take from {} and send to {}, nothing else, in at most {} sessions", user,
                        SupplierChannels.ordersOf(user), SupplierChannels.inboundOf(user), share.getMaxSessions());
            });
        }
        EmbeddedBrokerConfiguration.openNetworkAcceptor(embedded);
    }

    /**
     * Every partner's queues, as its connector file implies them, made at every start if they are not there:
     * durable, point to point (anycast), never removed when empty. A partner's client that attaches to its queue
     * without saying it is a queue (most AMQP clients' default) then reads that queue, and none of its attempts can
     * turn the address into anything else.
     */
    private void declareQueues(ActiveMQServer server) {
        for (Partner partner : partners.all()) {
            for (String queue : partners.queuesOf(partner.getCode())) {
                try {
                    server.addOrUpdateAddressInfo(new AddressInfo(SimpleString.of(queue), RoutingType.ANYCAST));
                    Queue existing = server.locateQueue(queue);
                    if (existing == null) {
                        server.createQueue(QueueConfiguration.of(queue).setAddress(queue)
                                .setRoutingType(RoutingType.ANYCAST).setDurable(true).setAutoCreated(false), true);
                    } else if (existing.getGroupBuckets() != EmbeddedBrokerConfiguration.GROUP_BUCKETS) {
                        // a queue made before the partners' addresses hashed their groups takes the buckets too,
                        // once: the groups then in flight may move to another consumer this one time
                        server.updateQueue(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)
                                .setGroupBuckets(EmbeddedBrokerConfiguration.GROUP_BUCKETS));
                        log.info("Queue {} hashes its message groups into {} buckets now", queue,
                                EmbeddedBrokerConfiguration.GROUP_BUCKETS);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot declare the queue " + queue + " of partner "
                            + partner.getCode() + " on the broker", e);
                }
            }
            log.info("Partner {} has its queues {}", partner.getCode(), partners.queuesOf(partner.getCode()));
        }
    }
}
