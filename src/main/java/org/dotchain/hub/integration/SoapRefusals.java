package org.dotchain.hub.integration;

import org.apache.cxf.interceptor.Fault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SOAP request the hub refuses: a client fault whose detail is the contract's refusal, with the same types as
 * the REST problem types (unauthenticated-supplier, not-found, illegal-transition, invalid-message).
 */
final class SoapRefusals {

    private SoapRefusals() {
    }

    static Fault fault(String type, String detail) {
        return fault(type, detail, true);
    }

    /** A client fault for a refusal of the request, a server fault for a request that may pass later. */
    static Fault fault(String type, String detail, boolean client) {
        Fault fault = new Fault(new IllegalArgumentException(detail == null || detail.isBlank() ? type : detail));
        fault.setFaultCode(client ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
        Element details = fault.getOrCreateDetail();
        Document document = details.getOwnerDocument();
        Element refusal = document.createElementNS(SoapMessages.NAMESPACE, "refusal");
        refusal.appendChild(text(document, "type", type));
        refusal.appendChild(text(document, "detail", detail == null ? "" : detail));
        details.appendChild(refusal);
        return fault;
    }

    /** What CXF says of a request it could not read, without the name of its reader. */
    static String readable(String cxfMessage) {
        String reading = "Error reading XMLStreamReader: ";
        return cxfMessage != null && cxfMessage.startsWith(reading)
                ? "The request is not well-formed XML: " + cxfMessage.substring(reading.length()) : cxfMessage;
    }

    /** Whether the fault already says which refusal it is. */
    static boolean isRefusal(Fault fault) {
        Element detail = fault.getDetail();
        return detail != null && detail.getElementsByTagNameNS(SoapMessages.NAMESPACE, "refusal").getLength() > 0;
    }

    /** The refusal a fault says, as the log has it: its type and detail. */
    static String describe(Fault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return fault.getMessage();
        }
        String type = detail.getElementsByTagNameNS(SoapMessages.NAMESPACE, "type").getLength() == 0 ? ""
                : detail.getElementsByTagNameNS(SoapMessages.NAMESPACE, "type").item(0).getTextContent();
        return type + ": " + fault.getMessage();
    }

    private static Element text(Document document, String name, String value) {
        Element element = document.createElementNS(SoapMessages.NAMESPACE, name);
        element.setTextContent(value);
        return element;
    }
}
