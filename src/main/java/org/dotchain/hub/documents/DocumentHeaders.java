package org.dotchain.hub.documents;

/** Exchange headers of the document routes. */
public final class DocumentHeaders {

    /** The document's creation time: printed in its metadata, so rendering stays repeatable. */
    public static final String CREATED_AT = "documentCreatedAt";
    /** The template that lays the document out, from {@link Document.Kind}. */
    public static final String TEMPLATE = "documentTemplate";

    private DocumentHeaders() {
    }
}
