package org.dotchain.hub.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
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
 * beside the strictness the settings give (spring.jackson.*: no trailing tokens, no fraction for a whole number).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer hygienicStrings() {
        return builder -> builder.modulesToInstall(modules -> modules.add(
                        new SimpleModule("hygienic-strings").addDeserializer(String.class, new HygienicStrings())))
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Integer)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    static final class HygienicStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (!TextHygiene.isClean(text)) {
                throw new UncleanText(parser);
            }
            return text;
        }
    }

    /** A string the text rule refuses; its message does not repeat the text. */
    static final class UncleanText extends InvalidFormatException {

        UncleanText(JsonParser parser) {
            super(parser, TextHygiene.BROKEN, null, String.class);
        }
    }
}
