package io.tongban.connectors.described;

import io.tongban.connectors.description.InvalidDescriptionException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.wsdl.Definition;
import javax.wsdl.Message;
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
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a described SOAP connector needs of the department's WSDL (document/literal wrapped, one service, one port):
 * the service and port to call, and for each operation its request element and whether that element's children are
 * namespace-qualified. CXF does the rest from the same WSDL.
 */
public final class WsdlContract {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

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
    public static WsdlContract read(String classpathLocation) {
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

    /** The WSDL's target namespace. */
    public String namespace() {
        return definition.getTargetNamespace();
    }

    /** The namespace CXF finds the operations under: the port type's. */
    public String operationNamespace() {
        return port.getBinding().getPortType().getQName().getNamespaceURI();
    }

    QName service() {
        return service.getQName();
    }

    QName port() {
        return new QName(service.getQName().getNamespaceURI(), port.getName());
    }

    /** The element an operation's request is, as the port type's input message names it. */
    public QName requestElement(String operation) {
        return element(operation, operation(operation).getInput() == null ? null : operation(operation).getInput().getMessage());
    }

    /** The element an operation's answer is, as the port type's output message names it. */
    public QName responseElement(String operation) {
        return element(operation, operation(operation).getOutput() == null ? null : operation(operation).getOutput().getMessage());
    }

    private Operation operation(String name) {
        PortType portType = port.getBinding().getPortType();
        Operation found = portType.getOperation(name, null, null);
        if (found == null) {
            throw invalid("port type " + portType.getQName().getLocalPart() + " has no operation " + name);
        }
        return found;
    }

    private QName element(String operation, Message message) {
        Map<?, ?> parts = message == null ? Map.of() : message.getParts();
        if (parts.size() != 1 || ((Part) parts.values().iterator().next()).getElementName() == null) {
            throw invalid("operation " + operation + " is not document/literal wrapped (one part, an element)");
        }
        return ((Part) parts.values().iterator().next()).getElementName();
    }

    /** Whether the children of elements in {@code namespace} are qualified, as the schema of that namespace says. */
    public boolean qualifiesChildren(String namespace) {
        if (definition.getTypes() == null) {
            return false;
        }
        for (Object extension : definition.getTypes().getExtensibilityElements()) {
            if (extension instanceof Schema schema
                    && namespace.equals(schema.getElement().getAttribute("targetNamespace"))) {
                return "qualified".equals(schema.getElement().getAttribute("elementFormDefault"));
            }
        }
        return false;
    }

    /**
     * The names of the elements an element's own type declares as its children (its inline complex type), empty
     * when the WSDL's inline schemas do not declare the element.
     */
    public Set<String> childrenOf(QName element) {
        Set<String> children = new LinkedHashSet<>();
        Element declaration = declaration(element);
        if (declaration != null) {
            NodeList locals = declaration.getElementsByTagNameNS(XSD, "element");
            for (int i = 0; i < locals.getLength(); i++) {
                children.add(((Element) locals.item(i)).getAttribute("name"));
            }
        }
        return children;
    }

    private Element declaration(QName element) {
        if (definition.getTypes() == null) {
            return null;
        }
        for (Object extension : definition.getTypes().getExtensibilityElements()) {
            if (extension instanceof Schema schema
                    && element.getNamespaceURI().equals(schema.getElement().getAttribute("targetNamespace"))) {
                for (Node child = schema.getElement().getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element top && XSD.equals(top.getNamespaceURI())
                            && "element".equals(top.getLocalName()) && element.getLocalPart().equals(top.getAttribute("name"))) {
                        return top;
                    }
                }
            }
        }
        return null;
    }

    private InvalidDescriptionException invalid(String problem) {
        return new InvalidDescriptionException(location, "(file)", problem);
    }
}
