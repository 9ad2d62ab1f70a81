package org.dotchain.hub.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the API takes it: every string under {@link TextHygiene}'s rule and no string taken for a whole number,
 * no field given twice, beside the strictness the settings give (spring.jackson.*: no trailing tokens, no fraction
 * for a whole number).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer hygienicStrings() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .modulesToInstall(modules -> modules.add(new SimpleModule("hygienic-strings")
                        .addDeserializer(String.class, new HygienicStrings())))
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Integer)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /**
     * The API's mapper for a partner's messages: their texts follow their contract, which lets any text break lines
     * (a reason, a description, a wrapped Base64), under the rest of the text rule ({@link TextHygiene#isClean}).
     */
    public static ObjectMapper forContracts(ObjectMapper api) {
        return api.copy().registerModule(new SimpleModule("contract-strings")
                .addDeserializer(String.class, new HygienicStrings(true)));
    }

    /** One line, unless the field is {@link MultiLine} prose. */
    static final class HygienicStrings extends StringDeserializer implements ContextualDeserializer {

        private final boolean prose;

        HygienicStrings() {
            this(false);
        }

        HygienicStrings(boolean prose) {
            this.prose = prose;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multiLine = prose || property != null && property.getAnnotation(MultiLine.class) != null;
            return multiLine == prose ? this : new HygienicStrings(multiLine);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (prose ? !TextHygiene.isClean(text) : !TextHygiene.isCleanLine(text)) {
                throw new UncleanText(parser, prose ? TextHygiene.BROKEN : TextHygiene.BROKEN_LINE);
            }
            return text;
        }
    }

    /** A string the text rule refuses; its message does not repeat the text. */
    static final class UncleanText extends InvalidFormatException {

        UncleanText(JsonParser parser, String broken) {
            super(parser, broken, null, String.class);
        }
    }
}
