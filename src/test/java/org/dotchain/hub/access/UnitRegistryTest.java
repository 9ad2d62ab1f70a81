package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DPA's register of units over the API: a unit registered by its code and name goes through the access
 * procedure, shows where it is, is renamed, and once retired nobody of it can log in while its history stays.
 */
@HubIntegrationTest
class UnitRegistryTest {

    @Autowired
    ApiClient api;
    @Autowired
    Onboarding onboarding;
    @Autowired
    JdbcTemplate db;

    @Test
    void aRegisteredUnitGoesThroughTheProcedureAndARetiredOneKeepsItsHistoryButNotItsLogins() {
        ApiClient.As admin = api.as("dpa.admin");
        String code = "T" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);

        ResponseEntity<JsonNode> registered = admin.post("/api/admin/units", Map.of("code", code,
                "name", "Military unit " + code));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/admin/units/" + code);
        assertThat(registered.getBody().path("access").asText()).isEqualTo("NOT_REQUESTED");
        assertThat(registered.getBody().has("location")).as("nothing of where a unit is").isFalse();

        Onboarding.Newcomer orderer = onboarding.designateAndActivate(code, "ORDERER");
        JsonNode unit = admin.get("/api/admin/units/" + code).getBody();
        assertThat(unit.path("access").asText()).isEqualTo("GRANTED");
        assertThat(unit.at("/letters/0/kind").asText()).isEqualTo("REQUEST");
        assertThat(unit.at("/letters/1/kind").asText()).isEqualTo("DESIGNATION");
        assertThat(unit.at("/persons/0/username").asText()).isEqualTo(orderer.username());
        assertThat(unit.at("/persons/0/active").asBoolean()).isTrue();
        assertThat(unit.at("/persons/0/trainings/0/course").asText()).isEqualTo("DOT-Chain Defence for units");
        ApiClient.As ordering = onboarding.loggedIn(orderer);
        assertThat(ordering.get("/api/budget").getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode renamed = admin.exchange(HttpMethod.PATCH, "/api/admin/units/" + code,
                Map.of("name", "Military unit " + code + ", reconnaissance"), JsonNode.class).getBody();
        assertThat(renamed.path("name").asText()).endsWith("reconnaissance");
        assertThat(admin.get("/api/admin/units").getBody().findValuesAsText("code")).contains(code, "A1001");

        JsonNode retired = admin.post("/api/admin/units/" + code + "/retirement", null).getBody();
        assertThat(retired.path("access").asText()).isEqualTo("RETIRED");
        assertThat(retired.path("retiredAt").isNull()).isFalse();
        assertThat(retired.at("/persons/0/username").asText()).as("its people stay on record")
                .isEqualTo(orderer.username());
        assertThat(retired.at("/letters").size()).isEqualTo(2);
        assertThat(ordering.get("/api/budget").getStatusCode()).as("the token stopped working")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(onboarding.login(orderer.username(), Onboarding.PASSWORD, onboarding.code(orderer.totpSecret()))
                .getStatusCode()).as("and so did the login").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin.post("/api/admin/units/" + code + "/request-letters",
                Map.of("number", "DPA/late", "date", "2026-11-20")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(db.queryForList("select action from audit_entry where subject_id = ? order by id", String.class,
                code)).contains("UNIT_REGISTERED", "UNIT_RENAMED", "UNIT_RETIRED");
    }

    @Test
    void aUnitIsRefusedWithTheFieldAtFaultAndOnlyAnAdministratorRegistersOne() {
        ApiClient.As admin = api.as("dpa.admin");

        assertProblem(admin.post("/api/admin/units", Map.of("code", "A1001", "name", "Again")),
                HttpStatus.CONFLICT, "registered already");
        ResponseEntity<JsonNode> badCode = admin.post("/api/admin/units", Map.of("code", "a-1", "name", "Lower"));
        assertProblem(badCode, HttpStatus.BAD_REQUEST, "capital letters");
        assertThat(badCode.getBody().path("field").asText()).isEqualTo("code");
        assertThat(admin.post("/api/admin/units", Map.of("code", "B2")).getBody().path("field").asText())
                .isEqualTo("name");
        assertThat(api.as("orderer.a1001").post("/api/admin/units", Map.of("code", "C3", "name", "Not mine"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(admin.get("/api/admin/units/NOPE"), HttpStatus.NOT_FOUND, "No unit with code NOPE");
    }
}
