package org.dotchain.hub.documents;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.freemarker.FreemarkerComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * FreeMarker finds document templates in an operator's folder first (hub.documents.templates-dir, when set), then in
 * the document-templates/ packaged into the jar, so that a template can be changed without a rebuild.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    ComponentCustomizer documentTemplates(DocumentsProperties settings) throws IOException {
        freemarker.template.Configuration templates = templates(settings.templatesDir());
        return ComponentCustomizer.builder(FreemarkerComponent.class)
                .build(component -> component.setConfiguration(templates));
    }

    public static freemarker.template.Configuration templates(String templatesDir) throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (!templatesDir.isBlank()) {
            loaders.add(new FileTemplateLoader(new File(templatesDir)));
        }
        loaders.add(new ClassTemplateLoader(TemplateConfiguration.class.getClassLoader(), "document-templates"));
        freemarker.template.Configuration templates = new freemarker.template.Configuration(
                freemarker.template.Configuration.VERSION_2_3_34);
        templates.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        templates.setDefaultEncoding("UTF-8");
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        return templates;
    }
}
