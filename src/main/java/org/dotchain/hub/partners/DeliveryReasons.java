package org.dotchain.hub.partners;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;

/** Why a partner's system did not take a message, in the words its health and its dead letters give. */
public final class DeliveryReasons {

    private DeliveryReasons() {
    }

    /**
     * What went wrong, as an operator and the partner read it (its health, its dead letters, which the partner's
     * system reads too): no class names, no addresses; whatever else it was, the log has it under the message's
     * correlation id.
     */
    public static String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpOperationFailedException http) {
                return "answered HTTP " + http.getStatusCode();
            }
            if (cause instanceof SOAPFaultException fault) {
                return "answered a SOAP fault: " + shortened(fault.getFault().getFaultString());
            }
            if (cause instanceof SoapFault fault) {
                return "answered a SOAP fault: " + shortened(fault.getReason());
            }
            if (cause instanceof ConnectException) {
                return "refused the connection";
            }
            if (cause instanceof SocketTimeoutException) {
                return "did not answer in time";
            }
            if (cause instanceof UnknownHostException) {
                return "has a host name no one knows";
            }
            if (cause instanceof SSLException) {
                return "failed the TLS handshake";
            }
        }
        return "did not take the message";
    }

    /** The partner's own words, on one line and no longer than a dead letter's header should be. */
    private static String shortened(String text) {
        String line = text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
