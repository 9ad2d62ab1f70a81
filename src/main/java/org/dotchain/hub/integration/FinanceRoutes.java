package org.dotchain.hub.integration;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.processor.idempotent.jpa.JpaMessageIdRepository;
import org.dotchain.hub.messaging.SupplierChannels;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The DPA finance system's connector: payment requests out (template finance-rest-outbound, instantiated by
 * connectors/dpa-finance.camel.yaml) and its acknowledgements and payment confirmations in, contract first from
 * connectors/contracts/finance-v1.openapi.yaml. Both ways signed with the finance system's key.
 */
@Component
class FinanceRoutes extends RouteBuilder {

    static final String CONTRACT = "connectors/contracts/finance-v1.openapi.yaml";

    private final JpaMessageIdRepository messageIds;

    FinanceRoutes(@Qualifier("inboundMessageIds") JpaMessageIdRepository messageIds) {
        this.messageIds = messageIds;
    }

    @Override
    public void configure() {
        RouteDefinition outbound = routeTemplate("finance-rest-outbound")
                .templateParameter("endpoint")
                .templateParameter("retries", "5")
                .templateParameter("retryDelayMs", "1000")
                .from("jms:queue:" + SupplierChannels.FINANCE_PAYMENTS + "?transacted=true");
        SupplierTransportRoutes.retryThenDeadLetter(outbound, "{{retries}}", "{{retryDelayMs}}",
                SupplierChannels.FINANCE_PAYMENTS + ".DLQ");
        outbound.convertBodyTo(String.class)
                .removeHeaders("JMS*")
                .removeHeader("_AMQ_DUPL_ID")
                .bean("requestSignatures", "signForFinance")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{endpoint}}?throwExceptionOnFailure=true");

        rest().openApi().specification(CONTRACT).missingOperation("ignore");
        RouteDefinition inbound = from("direct:sendFinanceMessageToHub").routeId("finance-inbound");
        SupplierTransportRoutes.refusals(inbound, SupplierTransportRoutes::problem);
        inbound.convertBodyTo(String.class)
                .process(SupplierTransportRoutes::refuseOversized)
                .transacted()
                .bean("requestSignatures", "verifyFinance")
                .setProperty(SupplierInbox.MESSAGE, method("financeInbox", "read"))
                .setHeader("hubContract", method("financeInbox", "contractOf"))
                .toD("json-validator:connectors/contracts/${header.hubContract}")
                .setHeader("hubMessageId", method("financeInbox", "messageIdOf"))
                .setProperty("hubMessageId", header("hubMessageId"))
                // "finance/": supplier message ids are "<code>:<id>", so no supplier's id can stand for the finance system's
                .idempotentConsumer(simple("finance/${header.hubMessageId}"), messageIds).skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .setProperty(SupplierTransportRoutes.ACKNOWLEDGEMENT, constant("duplicate"))
                            .log("Message ${header.hubMessageId} of the DPA finance system was applied before: "
                                    + "nothing changes")
                        .otherwise()
                            .setProperty(SupplierTransportRoutes.ACKNOWLEDGEMENT, constant("accepted"))
                            .bean("financeInbox", "apply")
                    .end()
                .end()
                .process(SupplierTransportRoutes::acknowledgeOverRest);
    }
}
