package org.dotchain.hub.access;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running hub serves, as its frameworks know them: Spring MVC's handler mappings (the API, the
 * pages, actuator, and the Camel REST DSL's operations, which platform-http registers there), the static resources'
 * URL patterns, and each operation of each CXF service.
 */
public final class HubEndpoints {

    private HubEndpoints() {
    }

    /** "GET /api/orders/{orderNumber}", or "SOAP /services/suppliers/viriy submitOrderResponse". */
    public static List<String> keys(ApplicationContext spring, Bus bus) {
        TreeSet<String> keys = new TreeSet<>();
        spring.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
                    String path = pattern.replace("/{*matchOnUriPrefix}", "");
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        keys.add("ANY " + path);
                    }
                    methods.forEach(method -> keys.add(method.name() + " " + path));
                })));
        spring.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMap().keySet().forEach(pattern -> keys.add("GET " + pattern)));
        for (Server server : bus.getExtension(ServerRegistry.class).getServers()) {
            String address = "/services" + server.getEndpoint().getEndpointInfo().getAddress();
            for (BindingOperationInfo operation : server.getEndpoint().getBinding().getBindingInfo().getOperations()) {
                keys.add("SOAP " + address + " " + operation.getName().getLocalPart());
            }
        }
        return new ArrayList<>(keys);
    }

    /** The element a SOAP operation's request carries, by the operation's name at the service's address. */
    public static QName soapRequestElement(Bus bus, String address, String operation) {
        for (Server server : bus.getExtension(ServerRegistry.class).getServers()) {
            if (address.equals("/services" + server.getEndpoint().getEndpointInfo().getAddress())) {
                for (BindingOperationInfo info : server.getEndpoint().getBinding().getBindingInfo().getOperations()) {
                    if (info.getName().getLocalPart().equals(operation)) {
                        return info.getInput().getMessageParts().get(0).getElementQName();
                    }
                }
            }
        }
        throw new IllegalArgumentException("No SOAP operation " + operation + " at " + address);
    }
}
