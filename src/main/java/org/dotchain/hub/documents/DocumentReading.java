package org.dotchain.hub.documents;

import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a document: the DPA's staff, and the people of the unit and of the supplier it is between. To anyone
 * else it does not exist.
 */
@Service
public class DocumentReading {

    private final DocumentRepository documents;

    DocumentReading(DocumentRepository documents) {
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public Document readable(Long documentId, HubUser caller) {
        return documents.findById(documentId).filter(document -> visibleTo(document, caller))
                .orElseThrow(() -> new NoSuchElementException("No document " + documentId));
    }

    public static boolean visibleTo(Document document, HubUser caller) {
        return caller.isAgencyStaff()
                || (caller.unitId() != null && caller.unitId().equals(document.getUnitId()))
                || (caller.supplierId() != null && caller.supplierId().equals(document.getSupplierId()));
    }
}
