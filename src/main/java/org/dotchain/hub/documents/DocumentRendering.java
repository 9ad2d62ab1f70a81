package org.dotchain.hub.documents;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The way into the document-render route for Java callers. */
@Component
public class DocumentRendering {

    static final String ENDPOINT = "direct:render-document";

    private final ProducerTemplate producer;

    DocumentRendering(ProducerTemplate producer) {
        this.producer = producer;
    }

    public byte[] render(DocumentRequest request, Instant createdAt) {
        return producer.requestBodyAndHeaders(ENDPOINT, request,
                Map.of(DocumentHeaders.CREATED_AT, createdAt, DocumentHeaders.TEMPLATE, templateOf(request.kind())),
                byte[].class);
    }

    /** The template of a kind of document, in document-templates/. */
    public static String templateOf(Document.Kind kind) {
        return switch (kind) {
            case ORDER -> "order";
            case EXPENDITURE_INVOICE -> "expenditure-invoice";
            case ACCEPTANCE_CERTIFICATE -> "acceptance-certificate";
        };
    }
}
