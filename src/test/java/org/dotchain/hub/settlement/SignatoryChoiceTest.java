package org.dotchain.hub.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.access.Signatories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who signs an acceptance certificate: for the unit, the signatory its designation letter named (the latest, when
 * letters named several); for the DPA, its signatory on duty, whom it may replace for one certificate until signed.
 */
@HubIntegrationTest
class SignatoryChoiceTest {

    @Autowired
    ApiClient api;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Settlements settlements;
    @Autowired
    JdbcTemplate db;

    @Test
    void theUnitsLetterAndTheDpasChoiceNameTheSigners() throws Exception {
        ApiClient.As admin = api.as("dpa.admin");
        String unit = onboarding.unitWithBudget("S", "500000.00");
        ApiClient.As receiver = onboarding.loggedIn(onboarding.designateAndActivate(unit, "ORDERER", "RECEIVER"));
        onboarding.designateAndActivate(unit, "UNIT_SIGNATORY");
        Onboarding.Newcomer named = onboarding.designateAndActivate(unit, "UNIT_SIGNATORY");
        Onboarding.Newcomer other = onboarding.staff("DPA_SIGNATORY");

        JsonNode steps = stepsOf(certificateFor(unit, receiver));
        assertThat(steps.findValuesAsText("partyRole")).containsExactly("SUPPLIER", "UNIT_SIGNATORY",
                "DPA_SIGNATORY");
        assertThat(steps.at("/1/signerIdentity").asText()).as("the latest letter's signatory")
                .isEqualTo(named.username());
        assertThat(steps.at("/2/signerIdentity").asText()).as("the DPA's on duty").isEqualTo("dpa.signatory");
        assertThat(steps.at("/2/fieldName").asText()).as("the DPA's field names no person")
                .isEqualTo("sig3-dpa-signatory");

        String first = certificateFor(unit, receiver);
        JsonNode assigned = admin.post("/api/admin/certificates/" + first + "/dpa-signatory",
                Map.of("username", other.username())).getBody();
        assertThat(assigned.path("certificateNumber").asText()).as("%s", assigned).isEqualTo(first);
        assertThat(stepsOf(first).at("/2/signerIdentity").asText()).isEqualTo(other.username());
        assertThat(field(admin.post("/api/admin/certificates/" + first + "/dpa-signatory",
                Map.of("username", named.username())))).as("not a DPA signatory").isEqualTo("username");
        assertThat(api.as("dpa.signatory").post("/api/admin/certificates/" + first + "/dpa-signatory",
                Map.of("username", "dpa.signatory")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String waiting = certificateFor(unit, receiver);
        db.update("update signing_step set signer_identity = 'dpa:unassigned' where party_role = 'DPA_SIGNATORY' "
                + "and round_id = (select r.id from signing_round r join acceptance_certificate c on c.document_id = "
                + "r.document_id where c.certificate_number = ?)", waiting);
        try {
            assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/signatories/on-duty",
                    Map.of("username", other.username()), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(api.as("dpa.signatory").get("/api/admin/signatories/on-duty").getBody().path("username")
                    .asText()).isEqualTo(other.username());
            assertThat(stepsOf(certificateFor(unit, receiver)).at("/2/signerIdentity").asText())
                    .as("named on duty, signs what comes next").isEqualTo(other.username());
            assertThat(stepsOf(waiting).at("/2/signerIdentity").asText())
                    .as("and what waited for the DPA to name someone").isEqualTo(other.username());
        } finally {
            admin.exchange(HttpMethod.PUT, "/api/admin/signatories/on-duty", Map.of("username", "dpa.signatory"),
                    JsonNode.class);
        }
        assertThat(db.queryForList("select action from audit_entry where subject_id = ? order by id", String.class,
                other.username())).contains("DPA_SIGNATORY_ON_DUTY");
        assertThat(db.queryForObject("select count(*) from audit_entry where action = 'SIGNER_ASSIGNED' and "
                + "details like ?", Integer.class, "%to=" + other.username())).isEqualTo(2);
    }

    @Test
    void aUnitWhoseLetterNamedNoSignatoryGetsNoCertificate() throws Exception {
        String unit = onboarding.unitWithBudget("S", "500000.00");
        ApiClient.As receiver = onboarding.loggedIn(onboarding.designateAndActivate(unit, "ORDERER", "RECEIVER"));

        assertThatThrownBy(() -> certificateFor(unit, receiver))
                .isInstanceOf(Signatories.NoSignatoryException.class)
                .hasMessage("Unit " + unit + " has no active signatory named by a designation letter: the DPA "
                        + "records the unit's letter first");
    }

    private String certificateFor(String unit, ApiClient.As receiver) throws Exception {
        return settlements.certificateFor(unit, Map.of("SKF-FPV7", 1), receiver);
    }

    private JsonNode stepsOf(String certificateNumber) {
        long documentId = db.queryForObject("select document_id from acceptance_certificate where "
                + "certificate_number = ?", Long.class, certificateNumber);
        return api.as("dpa.admin").get("/api/documents/" + documentId).getBody().path("steps");
    }

    private static String field(ResponseEntity<JsonNode> refusal) {
        assertThat(refusal.getStatusCode().is4xxClientError()).as("%s", refusal.getBody()).isTrue();
        return refusal.getBody().path("field").asText();
    }
}
