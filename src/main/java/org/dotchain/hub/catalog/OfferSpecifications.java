package org.dotchain.hub.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dotchain.hub.platform.InvalidFieldException;

/**
 * The six technical specifications every offer carries, as catalog-offer-v1 says them: checked here for the offers
 * the DPA records by hand, which no schema validator sees.
 */
final class OfferSpecifications {

    static final Set<String> MEASURES = Set.of("rangeKm", "flightTimeMin", "payloadKg", "weightKg");

    private OfferSpecifications() {
    }

    static void check(Map<String, Object> specifications) {
        if (specifications == null || !specifications.keySet().equals(Set.of("frequencyBands", "camera", "rangeKm",
                "flightTimeMin", "payloadKg", "weightKg"))) {
            throw refused();
        }
        if (!(specifications.get("frequencyBands") instanceof List<?> bands) || bands.isEmpty() || bands.size() > 10
                || bands.stream().anyMatch(band -> !(band instanceof String text) || text.isBlank()
                || text.length() > 100)) {
            throw refused();
        }
        if (!(specifications.get("camera") instanceof String camera) || camera.isBlank() || camera.length() > 200) {
            throw refused();
        }
        for (String measure : MEASURES) {
            if (!(specifications.get(measure) instanceof Number number) || number.doubleValue() < 0
                    || number.doubleValue() > 10000) {
                throw refused();
            }
        }
    }

    private static InvalidFieldException refused() {
        return new InvalidFieldException("specifications", "The specifications are frequencyBands (1 to 10 texts), "
                + "camera (a text), and rangeKm, flightTimeMin, payloadKg and weightKg (numbers from 0 to 10000)");
    }
}
