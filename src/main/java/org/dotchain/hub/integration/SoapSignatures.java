package org.dotchain.hub.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.interceptor.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.cxf.interceptor.StaxOutEndingInterceptor;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.io.CachedOutputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.EndpointInfo;
import org.dotchain.hub.platform.DatabaseAway;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Signed SOAP requests, the same signature as over REST, in HTTP headers. A server endpoint is guarded before a
 * byte of XML is parsed: a request over the size limit, or not signed with the supplier's key, is refused with a
 * fault; the parser behind it is CXF's hardened StAX (Woodstox): no DTDs, so no external entities and no entity
 * expansion. A client endpoint signs each request it sends, over the bytes it sends. The supplier is the endpoint's
 * property hubPartner, set by the connector.
 */
@Component("soapSignatures")
public class SoapSignatures implements CxfConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SoapSignatures.class);

    public static final String PARTNER_PROPERTY = "hubPartner";
    private static final String WSDL_NAMESPACE = "http://schemas.xmlsoap.org/wsdl/";

    private final RequestSignatures signatures;

    public SoapSignatures(RequestSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // the endpoint is configured by its URI; its server or client gets the interceptors
    }

    @Override
    public void configureClient(Client client) {
        client.getEndpoint().getOutInterceptors().add(new Signer());
    }

    @Override
    public void configureServer(Server server) {
        server.getEndpoint().getInInterceptors().add(new Guard());
        server.getEndpoint().getInInterceptors().add(new Reached(Reached.ROUTE, Phase.PRE_INVOKE));
        server.getEndpoint().getOutInterceptors().add(new Reached(Reached.ANSWER, Phase.SETUP));
        server.getEndpoint().getOutFaultInterceptors().add(new RefusalDetail());
        server.getEndpoint().put(WSDLGetUtils.class.getName(), new SupplierServiceFirst());
    }

    /**
     * The WSDL a supplier's endpoint serves names the service the supplier calls first: CXF writes the contract's
     * two services in no set order, and many SOAP clients bind to the first one they find.
     */
    private static final class SupplierServiceFirst extends WSDLGetUtils {

        @Override
        public Document getDocument(Message message, String base, Map<String, String> params, String contextUri,
                                    EndpointInfo endpoint) {
            Document wsdl = super.getDocument(message, base, params, contextUri, endpoint);
            NodeList services = wsdl.getDocumentElement().getElementsByTagNameNS(WSDL_NAMESPACE, "service");
            for (int i = 1; i < services.getLength(); i++) {
                Element service = (Element) services.item(i);
                if (service.getAttribute("name").equals("SupplierMessagesService")) {
                    service.getParentNode().insertBefore(service, services.item(0));
                    break;
                }
            }
            return wsdl;
        }
    }

    /**
     * Marks how far a request got: read whole and handed to the route (a fault after this is the hub's, not the
     * caller's), or past the route, its transaction committed, to the answer.
     */
    private static final class Reached extends AbstractPhaseInterceptor<Message> {

        static final String ROUTE = "hub.soap.route-reached";
        static final String ANSWER = "hub.soap.answer-started";

        Reached(String key, String phase) {
            // the key is the interceptor's id too: CXF keeps one interceptor per id in a chain
            super(key, phase);
        }

        @Override
        public void handleMessage(Message message) {
            message.getExchange().put(getId(), Boolean.TRUE);
        }
    }

    /**
     * Every fault gets the refusal detail the WSDL promises. A fault CXF raises itself, before the route sees the
     * request (it breaks the XSD, it has a DTD, it names no operation of the service), refuses the message as
     * invalid; a failure after the route took it (its transaction could not commit, the database away) is the hub's:
     * a server fault that asks for the message again later, with nothing of what failed in it; a failure of the
     * answer, after the route's transaction committed, says that the message was taken.
     */
    private static final class RefusalDetail extends AbstractPhaseInterceptor<Message> {

        RefusalDetail() {
            super(Phase.PRE_LOGICAL);
        }

        @Override
        public void handleMessage(Message message) {
            if (!(message.getContent(Exception.class) instanceof Fault fault)) {
                return;
            }
            Fault refusal;
            if (SoapRefusals.isRefusal(fault)) {
                refusal = fault;
            } else if (Boolean.TRUE.equals(message.getExchange().get(Reached.ANSWER))) {
                log.error("The answer to a SOAP request of partner {} failed after the route took it",
                        message.getContextualProperty(PARTNER_PROPERTY), fault);
                refusal = SoapRefusals.fault("answer-failed", "The hub took the message but could not write its "
                        + "answer; the same message again is acknowledged without a second effect", false);
            } else if (Boolean.TRUE.equals(message.getExchange().get(Reached.ROUTE))) {
                if (!DatabaseAway.causedBy(fault)) {
                    log.error("A SOAP request of partner {} failed after the route took it",
                            message.getContextualProperty(PARTNER_PROPERTY), fault);
                }
                refusal = SoapRefusals.fault("unavailable", "The hub cannot take the message now; send it again later",
                        false);
            } else {
                refusal = SoapRefusals.fault("invalid-message", SoapRefusals.readable(fault.getMessage()));
            }
            message.setContent(Exception.class, refusal);
            // one line per refused request, whoever refused it (CXF, the guard, the route); a stack trace only for
            // the hub's own failures, above
            log.info("Refused a SOAP request of partner {}: {}", message.getContextualProperty(PARTNER_PROPERTY),
                    SoapRefusals.describe(refusal));
        }
    }

    /** Holds the request back until it is complete, then signs it and lets it go with its signature headers. */
    private final class Signer extends AbstractPhaseInterceptor<Message> {

        Signer() {
            super(Phase.PRE_STREAM);
            addBefore(StaxOutInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream wire = message.getContent(OutputStream.class);
            CachedOutputStream request = new CachedOutputStream();
            message.setContent(OutputStream.class, request);
            message.getInterceptorChain().add(new AbstractPhaseInterceptor<Message>(Phase.PRE_STREAM_ENDING) {
                {
                    addAfter(StaxOutEndingInterceptor.class.getName());
                }

                @Override
                public void handleMessage(Message sent) {
                    try (request) {
                        request.flush();
                        byte[] body = request.getBytes();
                        String supplier = (String) sent.getContextualProperty(PARTNER_PROPERTY);
                        Map<String, List<String>> headers = protocolHeaders(sent);
                        signatures.signatureOf(supplier, body)
                                .forEach((name, value) -> headers.put(name, List.of(value)));
                        wire.write(body);
                        wire.flush();
                        sent.setContent(OutputStream.class, wire);
                    } catch (IOException e) {
                        throw new Fault(e);
                    }
                }
            });
        }
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
            String supplier = (String) message.getContextualProperty(PARTNER_PROPERTY);
            try {
                signatures.verifyBytes(supplier, header(message, RequestSignatures.TIMESTAMP),
                        header(message, RequestSignatures.SIGNATURE), body);
            } catch (PartnerAuthenticationException e) {
                throw SoapRefusals.fault("unauthenticated-supplier", e.getMessage());
            }
            message.setContent(InputStream.class, new ByteArrayInputStream(body));
        }

        private static boolean isGet(Message message) {
            return "GET".equals(message.get(Message.HTTP_REQUEST_METHOD));
        }

        private static byte[] readBounded(Message message) {
            try {
                byte[] body = message.getContent(InputStream.class).readNBytes(PartnerGate.MAX_MESSAGE_BYTES + 1);
                if (body.length > PartnerGate.MAX_MESSAGE_BYTES) {
                    throw SoapRefusals.fault("invalid-message",
                            "The message is larger than " + PartnerGate.MAX_MESSAGE_BYTES + " bytes");
                }
                return body;
            } catch (IOException e) {
                throw new Fault(e);
            }
        }

        private static String header(Message message, String name) {
            List<String> values = protocolHeaders(message).get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> protocolHeaders(Message message) {
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        return headers;
    }
}
