package org.dotchain.hub.platform;

import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's embedded Artemis listens only in-VM; this opens a network acceptor as well, so that suppliers'
 * systems can connect over CORE or AMQP. Applied only when spring.artemis.mode is embedded.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    static final String NETWORK_ACCEPTOR = "network";

    @Bean
    ArtemisConfigurationCustomizer networkAcceptor(HubProperties hub) {
        return configuration -> {
            try {
                configuration.addAcceptorConfiguration(NETWORK_ACCEPTOR, hub.broker().acceptorUrl());
            } catch (Exception e) {
                throw new IllegalStateException("Invalid hub.broker.acceptor-url " + hub.broker().acceptorUrl(), e);
            }
        };
    }
}
