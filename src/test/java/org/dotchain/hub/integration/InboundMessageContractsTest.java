package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.messaging.InboundMessageType;
import org.dotchain.hub.messaging.PartnerKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each message the hub takes is bound to a record that says what its JSON Schema says: every property of the schema
 * is a component of the record and every component a property, down to the objects of its arrays, and the schema
 * is the one for its messageType.
 */
@HubIntegrationTest
class InboundMessageContractsTest {

    @Autowired
    List<InboundMessageType<?>> types;

    @Test
    void everyMessageTypeHasItsRecordAndItsSchemaAndTheyAgree() throws IOException {
        assertThat(types.stream().filter(type -> type.sender() == PartnerKind.SUPPLIER).map(InboundMessageType::messageType))
                .containsExactlyInAnyOrder("ORDER_RESPONSE", "PRE_ORDER_ANSWER", "DESPATCH_ADVICE", "STOCK_UPDATE",
                        "CATALOG_OFFER",
                        "ACCEPTANCE_CERTIFICATE_REQUEST", "CERTIFICATE_SIGNATURE");
        assertThat(types.stream().filter(type -> type.sender() == PartnerKind.FINANCE).map(InboundMessageType::messageType))
                .containsExactlyInAnyOrder("PAYMENT_ACKNOWLEDGEMENT", "PAYMENT_CONFIRMATION");
        for (InboundMessageType<?> type : types) {
            JsonNode schema = schema(type.contract());
            assertThat(schema.at("/properties/messageType/const").asText()).as(type.contract())
                    .isEqualTo(type.messageType());
            assertAgree(type.contract(), schema, type.record());
        }
    }

    private static void assertAgree(String where, JsonNode schema, Class<?> record) {
        assertThat(record.isRecord()).as("%s binds to a record", where).isTrue();
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(components).as("the components of %s against the properties of %s", record.getName(), where)
                .isEqualTo(properties);
        assertThat(components).as("%s has every property %s requires", record.getName(), where)
                .containsAll(required);
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode items = schema.at("/properties/" + component.getName() + "/items");
            if (items.has("properties")
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                assertAgree(where + " " + component.getName() + "[]", items, element);
            }
        }
    }

    private static JsonNode schema(String contract) throws IOException {
        try (InputStream in = InboundMessageContractsTest.class.getClassLoader()
                .getResourceAsStream("connectors/contracts/" + contract)) {
            assertThat(in).as(contract).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
