package org.dotchain.hub.platform;

import jakarta.persistence.EntityManagerFactory;
import org.apache.camel.component.jpa.JpaComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's JPA endpoints use the persistence unit Spring Boot built; otherwise each would build one of its own. The
 * component is a bean named jpa, so Camel finds it by name before it would create one.
 */
@Configuration(proxyBeanMethods = false)
class CamelJpaConfiguration {

    @Bean("jpa")
    JpaComponent jpa(EntityManagerFactory entityManagerFactory) {
        JpaComponent component = new JpaComponent();
        component.setEntityManagerFactory(entityManagerFactory);
        return component;
    }
}
