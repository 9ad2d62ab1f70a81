package org.dotchain.hub.signing;

import org.dotchain.hub.documents.Document;

/** Published in the transaction of the last signature: the feature that issued the document takes its next step. */
public record SigningRoundCompleted(Long documentId, Document.Kind kind, String number) {
}
