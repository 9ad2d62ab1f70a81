package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dotchain.hub.access.AccessProperties;
import org.dotchain.hub.ordering.OrderingProperties;
import org.dotchain.hub.settlement.SettlementProperties;
import org.dotchain.hub.signing.SigningProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The hub's settings are typed and checked at start-up: a wrong one stops it with a message that names it. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AccessProperties.class, OrderingProperties.class, SettlementProperties.class,
            SigningProperties.class})
    static class Settings {
    }

    final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        hub.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AccessProperties.class).tokenLifetime()).isEqualTo(Duration.ofHours(8));
            assertThat(context.getBean(AccessProperties.class).activationLifetime()).isEqualTo(Duration.ofDays(7));
            assertThat(context.getBean(OrderingProperties.class).preOrderAnswerDays()).isEqualTo(5);
            assertThat(context.getBean(SettlementProperties.class).certificatePeriod()).isEqualTo(Duration.ofDays(10));
            SigningProperties signing = context.getBean(SigningProperties.class);
            assertThat(signing.reminderAfter()).isEqualTo(Duration.ofHours(48));
            assertThat(signing.trustedCertificates()).isEmpty();
            assertThat(signing.development().enabled()).isTrue();
        });
    }

    @Test
    void aWrongSettingStopsTheStartWithItsName() {
        hub.withPropertyValues("hub.ordering.pre-order-answer-days=0").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.ordering.pre-order-answer-days"));
        hub.withPropertyValues("hub.access.token-lifetime=PT0S").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.access.token-lifetime"));
        hub.withPropertyValues("hub.settlement.certificate-period=ten days").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.settlement.certificate-period"));
        hub.withPropertyValues("hub.signing.development.keystore-password=").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("development.keystorePassword"));
    }
}
