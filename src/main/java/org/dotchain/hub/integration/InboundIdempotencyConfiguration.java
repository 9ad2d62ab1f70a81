package org.dotchain.hub.integration;

import jakarta.persistence.EntityManagerFactory;
import org.apache.camel.processor.idempotent.jpa.JpaMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboundIdempotencyConfiguration {

    /** Message ids already applied, in the transaction of their effect (table camel_messageprocessed). */
    @Bean
    JpaMessageIdRepository inboundMessageIds(EntityManagerFactory entityManagerFactory) {
        return new JpaMessageIdRepository(entityManagerFactory, "supplier-inbound");
    }
}
