package org.dotchain.hub.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;

/**
 * Guards a supplier's SOAP endpoint before a byte of XML is parsed: a request over the size limit, or not signed
 * with the supplier's key (the same signed requests as REST), is refused with a fault. The supplier is the
 * endpoint's property hubSupplier, set by the connector. The parser behind it is CXF's hardened StAX (Woodstox):
 * no DTDs, so no external entities and no entity expansion.
 */
@Component("soapRequestGuard")
class SoapRequestGuard implements CxfConfigurer {

    static final String SUPPLIER_PROPERTY = "hubSupplier";

    private final RequestSignatures signatures;

    SoapRequestGuard(RequestSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // the endpoint is configured by its URI; only its server gets the guard
    }

    @Override
    public void configureClient(Client client) {
        // not a client's concern
    }

    @Override
    public void configureServer(Server server) {
        server.getEndpoint().getInInterceptors().add(new Guard());
    }

    private final class Guard extends AbstractPhaseInterceptor<Message> {

        Guard() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            if (isGet(message)) {
                return;
            }
            byte[] body = readBounded(message);
            String supplier = (String) message.getContextualProperty(SUPPLIER_PROPERTY);
            try {
                signatures.verify(supplier, header(message, RequestSignatures.TIMESTAMP),
                        header(message, RequestSignatures.SIGNATURE), new String(body, StandardCharsets.UTF_8));
            } catch (SupplierAuthenticationException e) {
                throw SoapRefusals.fault("unauthenticated-supplier", e.getMessage());
            }
            message.setContent(InputStream.class, new ByteArrayInputStream(body));
        }

        private static boolean isGet(Message message) {
            return "GET".equals(message.get(Message.HTTP_REQUEST_METHOD));
        }

        private static byte[] readBounded(Message message) {
            try {
                byte[] body = message.getContent(InputStream.class).readNBytes(SupplierTransportRoutes.MAX_MESSAGE_BYTES + 1);
                if (body.length > SupplierTransportRoutes.MAX_MESSAGE_BYTES) {
                    throw SoapRefusals.fault("invalid-message",
                            "The message is larger than " + SupplierTransportRoutes.MAX_MESSAGE_BYTES + " bytes");
                }
                return body;
            } catch (IOException e) {
                throw new Fault(e);
            }
        }

        @SuppressWarnings("unchecked")
        private static String header(Message message, String name) {
            Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                return null;
            }
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
