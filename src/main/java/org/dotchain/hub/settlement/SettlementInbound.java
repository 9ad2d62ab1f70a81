package org.dotchain.hub.settlement;

import org.dotchain.hub.messaging.InboundMessageType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The messages of settlement: the suppliers' certificate requests and signatures, the finance system's payments. */
@Configuration(proxyBeanMethods = false)
class SettlementInbound {

    @Bean
    InboundMessageType<AcceptanceCertificateRequestMessage> acceptanceCertificateRequest(
            AcceptanceCertificates certificates) {
        return InboundMessageType.fromSuppliers("ACCEPTANCE_CERTIFICATE_REQUEST",
                "acceptance-certificate-request-v1.schema.json", AcceptanceCertificateRequestMessage.class,
                (supplier, message) -> certificates.prepare(supplier, message.messageId(), message.invoiceNumbers(),
                        message.total(), message.signerCertificate()));
    }

    @Bean
    InboundMessageType<CertificateSignatureMessage> certificateSignature(AcceptanceCertificates certificates) {
        return InboundMessageType.fromSuppliers("CERTIFICATE_SIGNATURE", "certificate-signature-v1.schema.json",
                CertificateSignatureMessage.class, (supplier, message) -> certificates.sign(supplier,
                        message.certificateNumber(), message.requestId(), message.cms()));
    }

    @Bean
    InboundMessageType<PaymentAcknowledgementMessage> paymentAcknowledgement(Payments payments) {
        return InboundMessageType.fromFinance("PAYMENT_ACKNOWLEDGEMENT", "payment-acknowledgement-v1.schema.json",
                PaymentAcknowledgementMessage.class, (finance, message) -> payments.acknowledge(
                        message.certificateNumber(), "RECEIVED".equals(message.status()), message.reason()));
    }

    @Bean
    InboundMessageType<PaymentConfirmationMessage> paymentConfirmation(Payments payments) {
        return InboundMessageType.fromFinance("PAYMENT_CONFIRMATION", "payment-confirmation-v1.schema.json",
                PaymentConfirmationMessage.class, (finance, message) -> payments.confirm(message.certificateNumber(),
                        message.paymentReference(), message.amount(), message.paidOn()));
    }
}
