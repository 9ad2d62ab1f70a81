package org.dotchain.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@HubIntegrationTest
class ShowcaseApiTest {

    @Autowired
    ApiClient api;

    @Test
    void listsTheDemoProductsPagedAndSorted() {
        ResponseEntity<JsonNode> response = api.as("orderer.a1001").get("/api/products?size=5&sort=unitPrice,desc");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.at("/page/totalElements").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(body.at("/page/size").asInt()).isEqualTo(5);
        assertThat(body.get("content")).hasSize(5);
        JsonNode dearest = body.at("/content/0");
        assertThat(dearest.get("code").asText()).isEqualTo("VRY-WING");
        assertThat(dearest.get("unitPrice").decimalValue()).isEqualByComparingTo("1250000.00");
        assertThat(dearest.get("currency").asText()).isEqualTo("UAH");
        assertThat(dearest.at("/supplier/code").asText()).isEqualTo("viriy");
    }

    @Test
    void showsAProductCardWithItsSpecifications() {
        JsonNode card = api.as("orderer.a1001").get("/api/products/SKF-FPV7").getBody();

        assertThat(card.get("name").asText()).isEqualTo("Skyforge FPV-7 strike drone");
        assertThat(card.get("inStock").asBoolean()).isTrue();
        assertThat(card.at("/specifications/rangeKm").asInt()).isEqualTo(10);
        assertThat(card.at("/specifications/frequencyBands/0").asText()).isEqualTo("5.8 GHz video");
        assertThat(card.get("leadTimeDays").asInt()).isEqualTo(14);
    }

    @Test
    void answersAnUnknownProductWithProblemJson() {
        ResponseEntity<JsonNode> response = api.as("orderer.a1001").get("/api/products/NO-SUCH");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("No product with code NO-SUCH");
    }

    @Test
    void refusesSortingByAnUnknownProperty() {
        ResponseEntity<JsonNode> response = api.as("orderer.a1001").get("/api/products?sort=warehouse");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains("warehouse");
    }
}
