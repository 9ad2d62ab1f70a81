package org.dotchain.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.springframework.stereotype.Component;

/** An order's first line shipped by its supplier and received whole by the unit's receiver, over the API. */
@Component
public class Deliveries {

    private final Despatches despatches;
    private final Clock clock;

    Deliveries(Despatches despatches, Clock clock) {
        this.despatches = despatches;
        this.clock = clock;
    }

    /** The receipt's answer: the order's status and the expenditure invoice issued for the receiver's signature. */
    public JsonNode shipAndReceive(String orderNumber, String supplier, int quantity, ApiClient.As receiver) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> serials = new ArrayList<>();
        for (int item = 1; item <= quantity; item++) {
            serials.add("SN-" + batch + "-" + item);
        }
        despatches.record(orderNumber, supplier, "D-" + batch, clock.instant(),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(2),
                List.of(new Despatches.DespatchedLine(1, quantity, serials)));
        return receiver.post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", "D-" + batch, "received", serials)).getBody();
    }
}
