package org.dotchain.hub.platform;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import java.util.EnumSet;
import java.util.Set;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker admits only known users: the hub itself (spring.artemis.user and password), which may do
 * everything, and one user per supplier, which may send to and consume from its own queues supplier.&lt;code&gt;.*
 * and nothing else. Supplier users are added once the suppliers are known (integration.PartnerBrokerSetup).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerSecurity {

    public static final String HUB_ROLE = "hub";

    @Bean
    static SecurityConfiguration brokerUsers() {
        return new SecurityConfiguration();
    }

    @Bean
    ArtemisConfigurationCustomizer brokerPermissions(ArtemisProperties artemis, SecurityConfiguration users) {
        users.addUser(artemis.getUser(), artemis.getPassword());
        users.addRole(artemis.getUser(), HUB_ROLE);
        return configuration -> {
            configuration.setSecurityEnabled(true);
            configuration.putSecurityRoles("#", Set.of(role(HUB_ROLE, EnumSet.allOf(CheckType.class))));
        };
    }

    /**
     * Spring Boot builds the embedded broker, and the in-VM connection factory without credentials: this gives the
     * broker its security manager before it starts, and the hub's connections the hub's user.
     */
    @Bean
    static BeanPostProcessor brokerSecurityManager(ObjectProvider<SecurityConfiguration> users,
                                                   ObjectProvider<ArtemisProperties> artemis) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(),
                            users.getObject()));
                }
                ConnectionFactory target = bean instanceof CachingConnectionFactory caching
                        ? caching.getTargetConnectionFactory() : bean instanceof ConnectionFactory plain ? plain : null;
                if (target instanceof ActiveMQConnectionFactory factory && factory.getUser() == null) {
                    factory.setUser(artemis.getObject().getUser());
                    factory.setPassword(artemis.getObject().getPassword());
                }
                return bean;
            }
        };
    }

    public static Role role(String name, Set<CheckType> permissions) {
        return new Role(name, permissions.contains(CheckType.SEND), permissions.contains(CheckType.CONSUME),
                permissions.contains(CheckType.CREATE_DURABLE_QUEUE), permissions.contains(CheckType.DELETE_DURABLE_QUEUE),
                permissions.contains(CheckType.CREATE_NON_DURABLE_QUEUE),
                permissions.contains(CheckType.DELETE_NON_DURABLE_QUEUE), permissions.contains(CheckType.MANAGE),
                permissions.contains(CheckType.BROWSE), permissions.contains(CheckType.CREATE_ADDRESS),
                permissions.contains(CheckType.DELETE_ADDRESS));
    }
}
