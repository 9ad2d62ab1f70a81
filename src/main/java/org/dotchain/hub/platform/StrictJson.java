package org.dotchain.hub.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
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

    static final class HygienicStrings extends StdScalarDeserializer<String> {

        HygienicStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (!TextHygiene.isClean(text)) {
                throw context.weirdStringException(text, String.class,
                        "holds a control character or a direction override");
            }
            return text;
        }
    }
}
