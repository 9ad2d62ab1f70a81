package org.dotchain.reference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reference supplier's settings (prefix reference), documented in reference-supplier.yml.
 *
 * @param hubUrl where the hub's HTTP services are
 * @param brokerUrl the hub's Artemis acceptor, for the JMS suppliers
 * @param dataDir the folder whose supplier-keys/ holds the suppliers' signing keys and broker passwords
 * @param suppliers the suppliers it stands for, each with its transport
 * @param answerDelay from an order to its acceptance, or from a pre-order request to the answer
 * @param shipDelay from the acceptance to each despatch
 * @param despatches how many despatches an order ships in
 * @param initialStock each product's stock at start
 * @param slowDelay how long it takes to take a message of the hub's in mode SLOW
 * @param mode how it behaves at start
 * @param certificateDelay from a signed expenditure invoice to the supplier's acceptance certificate request
 * @param paymentDelay as the DPA finance system: from a payment request to its payment
 * @param finance whether it also stands for the DPA finance system (POST /finance/payments)
 * @param developmentKeystorePassword the password of the hub's development CA in dataDir/pki, which certifies the
 *                                    suppliers' signing keys in the demo
 */
@ConfigurationProperties("reference")
public record ReferenceSupplierProperties(
        @DefaultValue("http://127.0.0.1:8080") String hubUrl,
        @DefaultValue("tcp://127.0.0.1:61616") String brokerUrl,
        @DefaultValue("data") Path dataDir,
        Map<String, Transport> suppliers,
        @DefaultValue("2s") Duration answerDelay,
        @DefaultValue("10s") Duration shipDelay,
        @DefaultValue("1") int despatches,
        @DefaultValue("1000") int initialStock,
        @DefaultValue("5s") Duration slowDelay,
        @DefaultValue("NORMAL") Mode mode,
        @DefaultValue("5s") Duration certificateDelay,
        @DefaultValue("5s") Duration paymentDelay,
        @DefaultValue("true") boolean finance,
        @DefaultValue("change-me-development-only") String developmentKeystorePassword) {

    public enum Transport { JMS, SOAP, REST }

    /**
     * NORMAL; DOWN takes nothing (REST 503, SOAP fault, JMS not consumed); SLOW takes each message after slowDelay;
     * REJECT refuses every order and pre-order; DUPLICATES sends each of its messages twice.
     */
    public enum Mode { NORMAL, DOWN, SLOW, REJECT, DUPLICATES }
}
