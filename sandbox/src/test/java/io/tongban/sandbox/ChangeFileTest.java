package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.market.ChangeFile;
import io.tongban.sandbox.market.EnterpriseChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeFileTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JSON field of the REST record that each change item changes. */
    private static final Map<String, String> FIELD_OF_ITEM = Map.of("企业名称", "QYMC", "住所", "ZS", "法定代表人", "FDDBR",
            "登记状态", "DJZT", "注册资本", "ZCZB", "经营范围", "JYFW");

    @TempDir
    static Path feeds;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(feeds).clock(clock).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("POST /market-supervision/change-files writes QYBG_20261124.csv: strict GB18030, header, RFC 4180 rows; REST lookups agree")
    void changeFileIsValidAndApplied() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(sandbox.adminUrl() + "/market-supervision/change-files"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        Path file = feeds.resolve("QYBG_20261124.csv");
        assertThat(Path.of(JSON.readTree(response.body()).path("file").asText())).isEqualTo(file.toAbsolutePath());

        byte[] bytes = Files.readAllBytes(file);
        String text = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))).as("GB18030, not UTF-8").isInstanceOf(CharacterCodingException.class);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("TYSHXYDM,BGXM,BGQNR,BGHNR,BGRQ");
        int announced = JSON.readTree(response.body()).path("changes").size();
        assertThat(announced).isEqualTo(5);
        assertThat(text).endsWith("\r\n");
        for (String line : lines.subList(lines.size() - announced, lines.size())) {
            List<String> fields = parseCsvLine(line);
            assertThat(fields).hasSize(5);
            assertThat(IndependentChecks.validCreditCode(fields.get(0))).isTrue();
            assertThat(FIELD_OF_ITEM).containsKey(fields.get(1));
            assertThat(fields.get(2)).isNotEqualTo(fields.get(3));
            assertThat(fields.get(4)).isEqualTo("2026-11-24");
            JsonNode now = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                    sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + fields.get(0))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(now.path(FIELD_OF_ITEM.get(fields.get(1))).asText()).as(line).isEqualTo(fields.get(3));
        }
        try (Stream<Path> files = Files.list(feeds)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsOnly("QYBG_20261124.csv");
        }
    }

    @Test
    @DisplayName("a second batch on the same day is appended to the day's file under the one header")
    void secondBatchIsAppended() throws Exception {
        ChangeFile first = sandbox.generateMarketChangeFile();
        int before = Files.readAllLines(first.path(), GB18030).size();
        ChangeFile second = sandbox.generateMarketChangeFile();
        List<String> lines = Files.readAllLines(second.path(), GB18030);
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(lines).hasSize(before + second.changes().size());
        assertThat(lines.stream().filter(l -> l.startsWith("TYSHXYDM,"))).hasSize(1);
        EnterpriseChange last = second.changes().get(second.changes().size() - 1);
        assertThat(parseCsvLine(lines.get(lines.size() - 1))).containsExactly(last.creditCode(), last.item(),
                last.before(), last.after(), last.date().toString());
    }

    @Test
    @DisplayName("the demo company and the deliberate-case companies are never changed by change files")
    void fixturesStayTrue() {
        for (int i = 0; i < 5; i++) {
            assertThat(sandbox.generateMarketChangeFile().changes()).extracting(EnterpriseChange::creditCode)
                    .doesNotContain(sandbox.seed().demoCompany().creditCode())
                    .doesNotContainAnyElementsOf(sandbox.seed().cases().deregisteredStillNormalInTax());
        }
    }

    /** A minimal RFC 4180 reader for one line, written for the test. */
    private static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
