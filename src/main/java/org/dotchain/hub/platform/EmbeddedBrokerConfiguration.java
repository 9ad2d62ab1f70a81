package org.dotchain.hub.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.security.SecurityAuth;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerQueuePlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's embedded Artemis listens only in-VM; this adds a network acceptor, so that suppliers' systems can
 * connect over CORE or AMQP. The acceptor stays closed when the broker starts and opens with
 * {@link #openNetworkAcceptor} once the suppliers' broker users exist: until then a supplier's system would only be
 * refused. Applied only when spring.artemis.mode is embedded.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);
    static final String NETWORK_ACCEPTOR = "network";
    /** Message groups per partner queue: enough for the consumers a partner runs, few enough for a small table. */
    public static final int GROUP_BUCKETS = 64;

    @Bean
    ArtemisConfigurationCustomizer networkAcceptor(HubProperties hub) {
        return configuration -> {
            try {
                configuration.addAcceptorConfiguration(NETWORK_ACCEPTOR, hub.broker().acceptorUrl());
            } catch (Exception e) {
                throw new IllegalStateException("Invalid hub.broker.acceptor-url " + hub.broker().acceptorUrl(), e);
            }
            openAtStart(configuration, false);
        };
    }

    /**
     * The partners' queues stay, empty or not, whoever made them first: a queue the hub's own consumer made before
     * the partners' queues were declared would otherwise be removed when it is empty and nobody reads it (during a
     * restart), and a partner's client would then find no queue. Their message groups (JMSXGroupID, an order's or
     * a certificate's number) are hashed into a fixed number of buckets, each kept to one consumer: a subject's
     * messages still reach one consumer in their order, and the broker does not remember every order ever sent.
     */
    @Bean
    ArtemisConfigurationCustomizer partnerQueuesStay() {
        return configuration -> {
            for (String partners : new String[] {"supplier.#", "finance.#"}) {
                configuration.addAddressSetting(partners, new AddressSettings().setAutoDeleteQueues(false)
                        .setAutoDeleteCreatedQueues(false).setAutoDeleteAddresses(false)
                        .setDefaultGroupBuckets(GROUP_BUCKETS));
            }
        };
    }

    /**
     * A partner's inbound message whose effect failed for a reason that may pass (the database briefly away) is
     * rolled back by the hub and given again by the broker, later each time; the hub dead-letters it itself once
     * hub.inbound.retries are spent (routes/error-handling.camel.yaml), so the broker never drops one.
     */
    @Bean
    ArtemisConfigurationCustomizer inboundRedelivery(HubProperties hub) {
        return configuration -> configuration.addAddressSetting("supplier.*.inbound", new AddressSettings()
                .setRedeliveryDelay(hub.inbound().retryDelayMs())
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000)
                .setMaxDeliveryAttempts(-1));
    }

    /**
     * The broker's figures of each queue (messages waiting, consumers, added, expired, dead-lettered) in the hub's
     * metrics, as artemis_* on /actuator/prometheus with the queue and address as tags; the JVM's are the hub's own.
     */
    @Bean
    ArtemisConfigurationCustomizer brokerMetrics(MeterRegistry registry) {
        return configuration -> configuration.setMetricsConfiguration(new MetricsConfiguration()
                .setPlugin(new HubMetricsPlugin(registry)).setJvmMemory(false).setJvmGc(false).setJvmThread(false)
                .setNettyPool(false).setFileDescriptors(false).setProcessor(false).setUptime(false)
                .setSecurityCaches(false));
    }

    /**
     * How long the oldest message of each queue has waited, in seconds (0 when none waits), beside Artemis' own
     * figures: a queue that is consumed but falls behind shows here before its depth looks alarming.
     */
    @Bean
    ArtemisConfigurationCustomizer oldestMessageAge(MeterRegistry registry) {
        return configuration -> configuration.registerBrokerPlugin(new OldestMessageAge(registry));
    }

    static final class OldestMessageAge implements ActiveMQServerQueuePlugin {

        private final transient MeterRegistry registry;

        OldestMessageAge(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void afterCreateQueue(Queue queue) {
            Gauge.builder("hub.queue.oldest.message.age", queue, OldestMessageAge::ageSeconds)
                    .description("How long the queue's oldest message has waited, in seconds").baseUnit("seconds")
                    .tag("queue", queue.getName().toString()).register(registry);
        }

        @Override
        public void beforeDestroyQueue(Queue queue, SecurityAuth session, boolean checkConsumerCount,
                                       boolean removeConsumers, boolean forceAutoDeleteAddress) {
            registry.find("hub.queue.oldest.message.age").tag("queue", queue.getName().toString()).meters()
                    .forEach(registry::remove);
        }

        private static double ageSeconds(Queue queue) {
            MessageReference first = queue.peekFirstMessage();
            long sent = first == null ? 0 : first.getMessage().getTimestamp();
            // a client that sends without timestamps leaves 0: no age to tell
            return sent <= 0 ? 0 : Math.max(0, System.currentTimeMillis() - sent) / 1000.0;
        }
    }

    /** Artemis' metrics plugin that registers into the hub's registry. */
    static final class HubMetricsPlugin implements ActiveMQMetricsPlugin {

        private final transient MeterRegistry registry;

        HubMetricsPlugin(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public ActiveMQMetricsPlugin init(Map<String, String> options) {
            return this;
        }

        @Override
        public MeterRegistry getRegistry() {
            return registry;
        }
    }

    /**
     * Opens the broker to suppliers' systems, and keeps it open if the broker is started again in this process; the
     * hub's own connections are in-VM and need no acceptor.
     */
    public static void openNetworkAcceptor(EmbeddedActiveMQ broker) {
        ActiveMQServer server = broker.getActiveMQServer();
        openAtStart(server.getConfiguration(), true);
        try {
            server.getRemotingService().getAcceptor(NETWORK_ACCEPTOR).start();
        } catch (Exception e) {
            throw new IllegalStateException("The broker's network acceptor could not open", e);
        }
        log.info("The broker takes suppliers' connections now that their users exist");
    }

    private static void openAtStart(org.apache.activemq.artemis.core.config.Configuration configuration, boolean open) {
        configuration.getAcceptorConfigurations().stream()
                .filter(acceptor -> acceptor.getName().equals(NETWORK_ACCEPTOR))
                .forEach(acceptor -> acceptor.getParams().put(TransportConstants.AUTO_START, open));
    }
}
