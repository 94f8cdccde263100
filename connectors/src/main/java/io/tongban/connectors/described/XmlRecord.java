package io.tongban.connectors.described;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An XML element read as a department's record, the way the mapping specs read JSON and Jackson reads XML: each child
 * element by its local name, text as text, an element with children as a record, a repeated element as a list.
 */
final class XmlRecord {

    private XmlRecord() {
    }

    static Map<String, Object> of(Element element) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element field) {
                Object value = hasElements(field) ? of(field) : field.getTextContent();
                record.merge(field.getLocalName(), value, XmlRecord::repeated);
            }
        }
        return record;
    }

    private static boolean hasElements(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Object repeated(Object earlier, Object next) {
        List<Object> values = earlier instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(earlier));
        values.add(next);
        return values;
    }
}
