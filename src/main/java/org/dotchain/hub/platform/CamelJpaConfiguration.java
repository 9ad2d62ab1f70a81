package org.dotchain.hub.platform;

import jakarta.persistence.EntityManagerFactory;
import org.apache.camel.component.jpa.JpaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camel's JPA endpoints use the persistence unit Spring Boot built; otherwise each would build one of its own. */
@Configuration(proxyBeanMethods = false)
class CamelJpaConfiguration {

    @Bean
    ComponentCustomizer jpaUsesSpringPersistenceUnit(EntityManagerFactory entityManagerFactory) {
        return ComponentCustomizer.builder(JpaComponent.class)
                .build(component -> component.setEntityManagerFactory(entityManagerFactory));
    }
}
