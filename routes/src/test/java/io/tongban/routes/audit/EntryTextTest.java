package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tongban.security.canonical.CanonicalJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntryTextTest {

    @Test
    @DisplayName("The text with its place filled in is the canonical text of the whole entry, whichever members it has")
    void fillsThePlaceMembersWhereTheySort() {
        List<Map<String, Object>> entries = List.of(
                Map.of(),
                Map.of("kind", "api"),
                Map.of("actingUser", "window-7"),
                Map.of("outcome", "OK", "purpose", "residence-permit", "time", "2026-12-01T00:00:00Z"),
                Map.of("actingUser", "a", "httpStatus", 200, "kind", "api", "latencyMs", 3L, "operation",
                        "GET /api/v1/persons/{idNumber}", "outcome", "OK", "subject",
                        Map.of("type", "person", "hash", "ab", "masked", "4403**********1274"), "fieldsReturned",
                        List.of("name", "地址"), "requestDigest", "hmac-sha256:00"));
        for (Map<String, Object> fields : entries) {
            for (String previous : List.of("", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=")) {
                Map<String, Object> whole = new HashMap<>(fields);
                whole.put("index", 1234567L);
                whole.put("previous", previous);

                byte[] text = EntryText.of(fields).at(1234567L, previous);

                assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo(CanonicalJsonWriter.write(whole));
            }
        }
    }

    @Test
    @DisplayName("Fields may not carry the place members themselves")
    void refusesPlaceMembers() {
        assertThatThrownBy(() -> EntryText.of(Map.of("index", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryText.of(Map.of("previous", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
