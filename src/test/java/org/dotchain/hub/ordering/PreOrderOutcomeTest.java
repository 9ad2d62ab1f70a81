package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.ProducerTemplate;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.Onboarding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** What becomes of a pre-order, as the unit sees it: produced in time, too late, refused, or never answered. */
@HubIntegrationTest
class PreOrderOutcomeTest {

    @Autowired
    Onboarding onboarding;
    @Autowired
    PreOrderAnswers answers;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ProducerTemplate producer;

    Onboarding.Newcomer newcomer;
    ApiClient.As orderer;
    LocalDate requiredBy;

    /** A pre-order of three night drones, which Skyforge has none of. */
    private JsonNode preOrder() {
        newcomer = onboarding.designateAndActivate("A2002", "ORDERER");
        orderer = onboarding.loggedIn(newcomer);
        requiredBy = LocalDate.now(clock).plusDays(30);
        orderer.put("/api/cart/lines/SKF-NIGHT7", Map.of("quantity", 3));
        JsonNode result = orderer.post("/api/cart/checkout", Map.of("requiredBy", requiredBy.toString())).getBody();
        assertThat(result.get("orders")).isEmpty();
        return result.at("/preOrders/0");
    }

    @Test
    void theRequestGoesToTheSupplierAsAValidMessage() {
        String number = preOrder().get("orderNumber").asText();

        String payload = db.queryForObject("select payload from outbox_message where correlation_id = ?", String.class,
                number);

        producer.requestBody("json-validator:connectors/contracts/pre-order-request-v1.schema.json", payload);
        assertThat(payload).contains("\"requiredBy\":\"" + requiredBy + "\"").contains("\"quantity\":3");
    }

    @Test
    void aSupplierThatCanProduceInTimeTurnsItIntoAnOrderToSign() {
        String number = preOrder().get("orderNumber").asText();

        answers.answer(number, "skyforge", true, requiredBy.minusDays(2), null);

        JsonNode order = orderer.get("/api/orders/" + number).getBody();
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(order.get("promisedBy").asText()).isEqualTo(requiredBy.minusDays(2).toString());
        assertThat(orderer.post("/api/documents/" + order.get("documentId").asLong() + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(orderer.get("/api/orders/" + number).getBody().get("status").asText()).isEqualTo("FORMED");
    }

    @Test
    void aLaterDateDeclinesItAndReleasesTheReserve() {
        JsonNode preOrder = preOrder();
        String number = preOrder.get("orderNumber").asText();
        JsonNode before = orderer.get("/api/budget").getBody();

        answers.answer(number, "skyforge", true, requiredBy.plusDays(10), null);

        JsonNode order = orderer.get("/api/orders/" + number).getBody();
        assertThat(order.get("status").asText()).isEqualTo("DECLINED");
        assertThat(order.get("declineReason").asText()).contains("after the required " + requiredBy);
        assertThat(orderer.get("/api/budget").getBody().get("available").decimalValue())
                .isEqualByComparingTo(before.get("available").decimalValue().add(preOrder.get("total").decimalValue()));
    }

    @Test
    void aRefusalDeclinesItWithTheSuppliersReason() {
        String number = preOrder().get("orderNumber").asText();

        answers.answer(number, "skyforge", false, null, "thermal cameras are not available this quarter");

        JsonNode order = orderer.get("/api/orders/" + number).getBody();
        assertThat(order.get("status").asText()).isEqualTo("DECLINED");
        assertThat(order.get("declineReason").asText()).contains("thermal cameras are not available this quarter");
    }

    @Test
    void noAnswerInTimeExpiresItAndReleasesTheReserve() {
        JsonNode preOrder = preOrder();
        String number = preOrder.get("orderNumber").asText();

        clock.advance(Duration.ofDays(6));
        answers.expireUnanswered();
        orderer = onboarding.loggedIn(newcomer);

        JsonNode order = orderer.get("/api/orders/" + number).getBody();
        assertThat(order.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(db.queryForObject("select e.amount from budget_entry e join purchase_order o on o.id = e.order_id "
                + "where o.order_number = ? and e.kind = 'RELEASED'", java.math.BigDecimal.class, number))
                .as("the pre-order's whole reserve released").isEqualByComparingTo(preOrder.get("total").decimalValue());
        assertThatThrownBy(() -> answers.answer(number, "skyforge", true, requiredBy, null))
                .isInstanceOf(IllegalOrderTransitionException.class);
        String cancellation = db.queryForObject("select payload from outbox_message where correlation_id = ? "
                + "and message_type = 'CANCELLATION'", String.class, number);
        producer.requestBody("json-validator:connectors/contracts/cancellation-v1.schema.json", cancellation);
        assertThat(cancellation).contains("no answer from the supplier by");
    }

    @Test
    void onlyThePreOrdersSupplierMayAnswer() {
        String number = preOrder().get("orderNumber").asText();

        assertThatThrownBy(() -> answers.answer(number, "viriy", true, requiredBy, null))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(orderer.get("/api/orders/" + number).getBody().get("status").asText())
                .isEqualTo("AWAITING_SUPPLIER_ANSWER");
    }
}
