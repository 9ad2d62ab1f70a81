package org.dotchain.hub.partners;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.dotchain.hub.messaging.PartnerKind;
import org.dotchain.hub.messaging.SupplierChannels;
import org.springframework.stereotype.Component;

/**
 * The partners the connector files describe, as Camel loaded them with the routes. Read once, when first asked,
 * which is after Camel has started; a file that describes a partner wrongly stops the start with what is wrong.
 */
@Component
public class Partners {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern EDRPOU = Pattern.compile("\\d{8}");

    private final CamelContext camel;
    private volatile List<Partner> partners;

    Partners(CamelContext camel) {
        this.camel = camel;
    }

    public List<Partner> all() {
        List<Partner> known = partners;
        if (known == null) {
            known = load();
            partners = known;
        }
        return known;
    }

    public List<Partner> suppliers() {
        return all().stream().filter(partner -> partner.getKind() == PartnerKind.SUPPLIER).toList();
    }

    public Optional<Partner> find(String code) {
        return all().stream().filter(partner -> partner.getCode().equals(code)).findFirst();
    }

    /** The ids of the routes that reach this partner: the connector file's instances of the transport templates. */
    public Set<String> routesOf(String code) {
        return routeParameters(code).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The queues of the hub's broker that carry the partner's messages, each with its dead letters (&lt;queue&gt;.DLQ):
     * those its routes read, and a supplier's orders queue, which the outbox fills whatever its transport.
     */
    public Set<String> queuesOf(String code) {
        Set<String> queues = new TreeSet<>();
        if (find(code).map(partner -> partner.getKind() == PartnerKind.SUPPLIER).orElse(false)) {
            queues.add(SupplierChannels.ordersOf(code));
        }
        routeParameters(code).map(parameters -> parameters.getValue().get("queue")).filter(Objects::nonNull)
                .forEach(queue -> queues.add(queue.toString()));
        Set<String> withDeadLetters = new TreeSet<>(queues);
        queues.forEach(queue -> withDeadLetters.add(queue + ".DLQ"));
        return withDeadLetters;
    }

    /** Each route instantiated for the partner, by id, with its template parameters. */
    private Stream<Map.Entry<String, Map<String, Object>>> routeParameters(String code) {
        return ((ModelCamelContext) camel).getRouteDefinitions().stream()
                .filter(route -> route.getTemplateParameters() != null
                        && code.equals(route.getTemplateParameters().get("partner")))
                .map(route -> Map.entry(route.getRouteId(), route.getTemplateParameters()));
    }

    private List<Partner> load() {
        List<Partner> found = camel.getRegistry().findByType(Partner.class).stream()
                .sorted(Comparator.comparing(Partner::getCode, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Set<String> codes = new TreeSet<>();
        Set<String> registrations = new TreeSet<>();
        for (Partner partner : found) {
            String where = "The partner " + partner.getCode() + " of the connector files ";
            if (partner.getCode() == null || !CODE.matcher(partner.getCode()).matches()) {
                throw new IllegalStateException("A partner of the connector files has the code '" + partner.getCode()
                        + "': a code is 2 to 32 lower-case letters, digits and dashes, starting with a letter");
            }
            if (partner.getName() == null || partner.getName().isBlank()) {
                throw new IllegalStateException(where + "has no name");
            }
            if (partner.getRegistrationCode() == null || !EDRPOU.matcher(partner.getRegistrationCode()).matches()) {
                throw new IllegalStateException(where + "has the registration code '" + partner.getRegistrationCode()
                        + "': an EDRPOU is 8 digits");
            }
            if (!codes.add(partner.getCode())) {
                throw new IllegalStateException(where + "is described twice");
            }
            if (!registrations.add(partner.getRegistrationCode())) {
                throw new IllegalStateException(where + "has the registration code of another partner");
            }
        }
        return found;
    }
}
