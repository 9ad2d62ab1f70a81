package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the start-up line says of the broker keeps the secrets its acceptor's options may hold. */
class StartupReportTest {

    @Test
    void theAcceptorsPasswordsAreNotLogged() {
        assertThat(StartupReport.withoutSecrets("tcp://0.0.0.0:61617?protocols=CORE,AMQP&sslEnabled=true"
                + "&keyStorePath=/etc/dotchain/broker.p12&keyStorePassword=s3cret&trustStorePassword=other"))
                .isEqualTo("tcp://0.0.0.0:61617?protocols=CORE,AMQP&sslEnabled=true"
                        + "&keyStorePath=/etc/dotchain/broker.p12&keyStorePassword=***&trustStorePassword=***");
    }
}
