package io.tongban.connectors.kit;

import java.util.Map;

/**
 * A subject the stand-in's department holds, and what the connector must make of its record.
 *
 * @param id     the identifier the bus asks with (18-digit identity number or credit code)
 * @param fields canonical fields the mapped record must hold, with their values
 */
public record HeldSubject(String id, Map<String, Object> fields) {

    public HeldSubject {
        fields = Map.copyOf(fields);
    }
}
