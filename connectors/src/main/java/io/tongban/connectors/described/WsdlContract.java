package io.tongban.connectors.described;

import io.tongban.connectors.description.InvalidDescriptionException;
import java.net.URL;
import java.util.Map;
import javax.wsdl.Definition;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.Port;
import javax.wsdl.PortType;
import javax.wsdl.Service;
import javax.wsdl.WSDLException;
import javax.wsdl.extensions.schema.Schema;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.namespace.QName;

/**
 * What a described SOAP connector needs of the department's WSDL (document/literal wrapped, one service, one port):
 * the service and port to call, and for each operation its request element and whether that element's children are
 * namespace-qualified. CXF does the rest from the same WSDL.
 */
final class WsdlContract {

    private final String location;
    private final Definition definition;
    private final Service service;
    private final Port port;

    private WsdlContract(String location, Definition definition) {
        this.location = location;
        this.definition = definition;
        Map<?, ?> services = definition.getServices();
        if (services.size() != 1) {
            throw invalid("has " + services.size() + " services; a described soap connector calls a WSDL with one");
        }
        this.service = (Service) services.values().iterator().next();
        Map<?, ?> ports = service.getPorts();
        if (ports.size() != 1) {
            throw invalid("service " + service.getQName() + " has " + ports.size() + " ports; a described soap"
                    + " connector calls a WSDL with one");
        }
        this.port = (Port) ports.values().iterator().next();
    }

    /** Reads the WSDL at a classpath path, refusing one a described connector cannot call. */
    static WsdlContract read(String classpathLocation) {
        URL url = WsdlContract.class.getClassLoader().getResource(classpathLocation);
        if (url == null) {
            throw new InvalidDescriptionException(classpathLocation, "(file)", "no such WSDL on the classpath");
        }
        try {
            WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
            reader.setFeature("javax.wsdl.verbose", false);
            return new WsdlContract(classpathLocation, reader.readWSDL(url.toString()));
        } catch (WSDLException e) {
            throw new InvalidDescriptionException(classpathLocation, "(file)", "not a readable WSDL: " + e.getMessage());
        }
    }

    QName service() {
        return service.getQName();
    }

    QName port() {
        return new QName(service.getQName().getNamespaceURI(), port.getName());
    }

    /** The element an operation's request is, as the port type's input message names it. */
    QName requestElement(String operation) {
        PortType portType = port.getBinding().getPortType();
        Operation found = portType.getOperation(operation, null, null);
        if (found == null || found.getInput() == null) {
            throw invalid("port type " + portType.getQName().getLocalPart() + " has no operation " + operation);
        }
        Map<?, ?> parts = found.getInput().getMessage().getParts();
        if (parts.size() != 1 || ((Part) parts.values().iterator().next()).getElementName() == null) {
            throw invalid("operation " + operation + " is not document/literal wrapped (one part, an element)");
        }
        return ((Part) parts.values().iterator().next()).getElementName();
    }

    /** Whether the children of elements in {@code namespace} are qualified, as the schema of that namespace says. */
    boolean qualifiesChildren(String namespace) {
        for (Object extension : definition.getTypes().getExtensibilityElements()) {
            if (extension instanceof Schema schema
                    && namespace.equals(schema.getElement().getAttribute("targetNamespace"))) {
                return "qualified".equals(schema.getElement().getAttribute("elementFormDefault"));
            }
        }
        return false;
    }

    private InvalidDescriptionException invalid(String problem) {
        return new InvalidDescriptionException(location, "(file)", problem);
    }
}
