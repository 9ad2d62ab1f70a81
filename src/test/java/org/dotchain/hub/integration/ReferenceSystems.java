package org.dotchain.hub.integration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dotchain.hub.signing.DevelopmentCertificateAuthority;
import org.dotchain.reference.ReferenceSupplierApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The reference supplier and finance systems beside the hub under test, in their own Spring and Camel contexts,
 * talking to it over the real transports. Tests start them and stop them after their class: the port they take is
 * the one the hub's connectors name in the test profile.
 */
@Component
public class ReferenceSystems {

    public static final int PORT = 38091;
    private static ConfigurableApplicationContext running;

    private final ApplicationContext hub;
    private final PartnerKeys keys;
    private final SupplierConnections connections;
    private final Clock clock;
    private final DevelopmentCertificateAuthority developmentCa;
    private final String dataDir;

    ReferenceSystems(ApplicationContext hub, PartnerKeys keys, SupplierConnections connections, Clock clock,
                     DevelopmentCertificateAuthority developmentCa, @Value("${hub.data-dir}") String dataDir) {
        this.hub = hub;
        this.keys = keys;
        this.connections = connections;
        this.clock = clock;
        this.developmentCa = developmentCa;
        this.dataDir = dataDir;
    }

    public void start() {
        if (running != null) {
            return;
        }
        int hubPort = ((WebServerApplicationContext) hub).getWebServer().getPort();
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=" + PORT,
                "--reference.hub-url=http://127.0.0.1:" + hubPort,
                "--reference.broker-url=" + connections.url(),
                "--reference.answer-delay=100ms",
                "--reference.ship-delay=200ms",
                "--reference.certificate-delay=200ms",
                "--reference.payment-delay=200ms",
                "--reference.despatches=2"));
        // the parties' secrets, given to their systems by reference as in production
        for (String supplier : List.of("skyforge", "viriy", "steppe")) {
            settings.add("--hub.suppliers." + supplier + ".signing-key="
                    + Base64.getEncoder().encodeToString(keys.keyOf(supplier).orElseThrow()));
            settings.add("--hub.suppliers." + supplier + ".broker-password="
                    + keys.brokerPasswordOf(supplier).orElseThrow());
        }
        settings.add("--hub.finance.signing-key=" + Base64.getEncoder().encodeToString(keys.keyOf("dpa-finance").orElseThrow()));
        // the systems agree on the time, as over NTP: here the hub's test clock, which tests move on; and the
        // suppliers' signing certificates come from the hub's development CA
        running = ReferenceSupplierApplication.builder()
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("clock", clock);
                    context.getBeanFactory().registerSingleton("developmentCertificateAuthority", developmentCa);
                })
                .run(settings.toArray(String[]::new));
    }

    public static void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** NORMAL, DOWN, SLOW, REJECT or DUPLICATES, for every supplier and the finance system. */
    public void switchTo(String mode) {
        RestClient.create("http://127.0.0.1:" + PORT + "/reference").put().uri("/mode?mode=" + mode).retrieve()
                .toBodilessEntity();
    }

    /** The mode for one supplier alone. */
    public void switchTo(String supplier, String mode) {
        RestClient.create("http://127.0.0.1:" + PORT + "/reference").put()
                .uri("/mode?mode=" + mode + "&supplier=" + supplier).retrieve().toBodilessEntity();
    }
}
