package org.dotchain.hub.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param templatesDir a folder whose templates take precedence over the packaged document-templates/; empty for none */
@ConfigurationProperties("hub.documents")
public record DocumentsProperties(@DefaultValue("") String templatesDir) {
}
