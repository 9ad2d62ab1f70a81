package org.dotchain.reference;

import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference supplier system: a stand-in for suppliers' own systems, for the demo and the end-to-end tests. It
 * talks to a running hub over the suppliers' real transports (JMS, SOAP, REST), as the suppliers its configuration
 * names, keeps its own stock, and answers the hub's orders and pre-order requests. It has no database and no broker
 * of its own: its state lives as long as the process. Configuration: reference-supplier.yml.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class, ArtemisAutoConfiguration.class,
        SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@EnableConfigurationProperties(ReferenceSupplierProperties.class)
public class ReferenceSupplierApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application with its own configuration file, reference-supplier.yml. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReferenceSupplierApplication.class)
                .properties("spring.config.name=reference-supplier");
    }
}
