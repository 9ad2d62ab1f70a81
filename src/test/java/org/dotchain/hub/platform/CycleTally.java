package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.LedgerInvariant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a run of the whole supply cycle left, counted on both sides: in the hub's database, and by the reference
 * systems, which count what they took by message id and by subject. The exactly-once checks of the process tests.
 */
record CycleTally(JsonNode reference, List<String> formedByThePeople, int formedByTheHub, int ordersInTheHub,
                  int completed, int despatches, int distinctDespatches, int items, int drones, int certificates,
                  int paid, int unsent, int unitsWithMoneyHeld) {

    static CycleTally of(JdbcTemplate db, ReferenceProcess reference, PeopleAtWork people) throws IOException {
        return new CycleTally(reference.tally(), List.copyOf(people.formed()),
                count(db, "select count(*) from outbox_message where message_type = 'ORDER'"),
                count(db, "select count(*) from purchase_order"),
                count(db, "select count(*) from purchase_order where status = 'COMPLETED'"),
                count(db, "select count(*) from shipment"),
                count(db, "select count(distinct despatch_number) from shipment"),
                count(db, "select count(*) from shipment_item"),
                count(db, "select coalesce(sum(quantity), 0) from order_line"),
                count(db, "select count(*) from acceptance_certificate"),
                count(db, "select count(distinct payment_reference) from acceptance_certificate "
                        + "where status = 'PAID'"),
                count(db, "select count(*) from outbox_message where sent_at is null"),
                count(db, "select count(*) from unit_budget where reserved <> 0 or committed <> 0"));
    }

    /** Waits, up to the time, until every order in the hub is completed (paid). */
    static void awaitSettled(JdbcTemplate db, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)
                && count(db, "select count(*) from purchase_order where status <> 'COMPLETED'") > 0) {
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
    }

    String summary() {
        return String.format("%d orders formed by the orderers' answers, %d by the hub's outbox, %d completed (paid) "
                        + "of %d. The reference systems took %s and sent %s. The hub applied %d despatches (%d "
                        + "distinct, %d items of %d drones ordered) and holds %d certificates, %d paid with distinct "
                        + "payment references.",
                formedByThePeople.size(), formedByTheHub, completed, ordersInTheHub, reference.path("taken"),
                reference.path("sent"), despatches, distinctDespatches, items, drones, certificates, paid);
    }

    /** What did not get through, if anything, for whoever reads a failed run. */
    static String leftOver(JdbcTemplate db) {
        return String.format("Left over: orders %s; certificates %s; unsent %s",
                db.queryForList("select order_number || ' ' || status from purchase_order where status <> "
                        + "'COMPLETED'", String.class),
                db.queryForList("select c.certificate_number || ' ' || c.status || ', round ' || coalesce(r.status, "
                        + "'none') || ' at step ' || coalesce(r.current_step::text, '-') || ': ' || coalesce((select "
                        + "string_agg(s.step_number || ' ' || s.party_role || ' ' || coalesce(to_char(s.signed_at, "
                        + "'HH24:MI:SS'), 'unsigned'), ', ' order by s.step_number) from signing_step s where "
                        + "s.round_id = r.id), '') || ', open requests ' || (select count(*) from signing_request q "
                        + "where q.round_id = r.id and q.completed_at is null) from acceptance_certificate c left join "
                        + "signing_round r on r.document_id = c.document_id where c.status <> 'PAID'", String.class),
                db.queryForList("select message_type || ' to ' || destination || ' about ' || correlation_id from "
                        + "outbox_message where sent_at is null", String.class));
    }

    /**
     * Every order formed was paid and completed; its supplier received it in one message (a repeat of a message id
     * dropped and counted is fine); every despatch was applied once, with every drone's serial number; the finance
     * system was asked once to pay each certificate, and each was paid once; every unit's ledger balances, no money
     * is left reserved or committed, and nothing is left unsent.
     */
    void assertEachOnce(JdbcTemplate db) {
        assertThat(completed).as("orders paid and completed").isEqualTo(ordersInTheHub).isEqualTo(formedByTheHub);
        List<String> atTheSupplier = new ArrayList<>();
        reference.path("orders").forEach(order -> atTheSupplier.add(order.asText()));
        assertThat(atTheSupplier).as("every formed order reached its supplier").containsAll(formedByThePeople)
                .hasSize(formedByTheHub);
        JsonNode ordersTwice = reference.at("/taken/ORDER/inMoreThanOneMessage");
        assertThat(ordersTwice.isArray()).as("the reference systems' count of orders in two messages").isTrue();
        assertThat(ordersTwice).as("orders a supplier received in two messages").isEmpty();
        assertThat(despatches).as("despatches applied once").isEqualTo(distinctDespatches)
                .isEqualTo(reference.at("/sent/DESPATCH_ADVICE").asInt()).isEqualTo(formedByTheHub);
        assertThat(items).as("items shipped, each with its serial number").isEqualTo(drones);
        JsonNode paymentRequests = reference.at("/taken/PAYMENT_REQUEST");
        assertThat(paymentRequests.path("subjects").asInt()).as("certificates the finance system was asked to pay")
                .isEqualTo(certificates);
        assertThat(paymentRequests.path("inMoreThanOneMessage").isArray())
                .as("the finance system's count of payments asked for twice").isTrue();
        assertThat(paymentRequests.path("inMoreThanOneMessage")).as("payments asked for twice").isEmpty();
        assertThat(paid).as("certificates paid, each once").isEqualTo(certificates)
                .isEqualTo(reference.at("/sent/PAYMENT_CONFIRMATION").asInt());
        LedgerInvariant.assertBalanced(db);
        assertThat(unitsWithMoneyHeld).as("units with money still reserved or committed").isZero();
        assertThat(unsent).as("messages left unsent").isZero();
    }

    private static int count(JdbcTemplate db, String query) {
        return db.queryForObject(query, Integer.class);
    }
}
