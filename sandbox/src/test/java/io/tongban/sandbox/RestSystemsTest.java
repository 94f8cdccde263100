package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestSystemsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("market supervision GET /scjg/api/qy/{code} returns the demo company as UTF-8 JSON with every field")
    void marketLookupReturnsJson() throws Exception {
        Enterprise company = sandbox.seed().demoCompany();
        HttpResponse<String> response = get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + company.creditCode());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("TYSHXYDM").asText()).isEqualTo(company.creditCode());
        assertThat(body.path("QYMC").asText()).isEqualTo(company.name());
        assertThat(body.path("FDDBR").asText()).isEqualTo(sandbox.seed().demoPerson().name());
        assertThat(body.path("FDDBRZJHM").asText()).isEqualTo(sandbox.seed().demoPerson().identityNumber());
        assertThat(body.path("ZCZB").asText()).matches("\\d+\\.\\d{4}");
        assertThat(body.path("CLRQ").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(body.path("DJZT").asText()).isEqualTo("存续");
        assertThat(body.fieldNames()).toIterable().containsExactly("TYSHXYDM", "QYMC", "QYLX", "FDDBR", "FDDBRZJHM",
                "ZCZB", "CLRQ", "DJZT", "ZS", "JYFW", "DJJG");
    }

    @Test
    @DisplayName("market supervision answers 404 NOT_FOUND for a valid unknown code and 400 BAD_REQUEST for a malformed one")
    void marketLookupErrors() throws Exception {
        HttpResponse<String> missing = get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/91350100M000100Y43");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> malformed = get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/abc");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    @DisplayName("case (d) as served: 注销 in market supervision while tax still answers NSRZT 03")
    void deregisteredCompanyDisagreesOverTheWire() throws Exception {
        String code = sandbox.seed().cases().deregisteredButNormalInTax();
        assertThat(JSON.readTree(get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + code).body())
                .path("DJZT").asText()).isEqualTo("注销");
        assertThat(get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + code).body()).contains("<NSRZT>03</NSRZT>");
    }

    @Test
    @DisplayName("tax GET /sw/nsr?nsrsbh= returns NSRXX XML for a company (credit code) and a natural person (identity number)")
    void taxLookupReturnsXml() throws Exception {
        Enterprise company = sandbox.seed().demoCompany();
        HttpResponse<String> response = get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + company.creditCode());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(response.body()).contains("<NSRXX><NSRSBH>" + company.creditCode() + "</NSRSBH><NSRMC>"
                + company.name() + "</NSRMC><NSRZT>03</NSRZT>").containsPattern("<DJRQ>\\d{4}/\\d{2}/\\d{2}</DJRQ>")
                .containsPattern("<NSRXYDJ>[ABMCD]</NSRXYDJ><QSBZ>[YN]</QSBZ>");
        Person person = sandbox.seed().demoPerson();
        assertThat(get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + person.identityNumber()).body())
                .contains("<NSRSBH>" + person.identityNumber() + "</NSRSBH><NSRMC>" + person.name() + "</NSRMC>");
    }

    @Test
    @DisplayName("case (b) as served: the tax NSRMC carries a full-width space")
    void fullWidthSpaceNameInTax() throws Exception {
        String id = sandbox.seed().cases().fullWidthSpaceNameInTax();
        assertThat(get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + id).body()).containsPattern("<NSRMC>\\p{IsHan}+\u3000\\p{IsHan}+</NSRMC>");
    }

    @Test
    @DisplayName("tax answers 404 NOT_FOUND for an unknown taxpayer and 400 BAD_REQUEST without nsrsbh")
    void taxLookupErrors() throws Exception {
        HttpResponse<String> missing = get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=91350100M000100Y43");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<ERROR><CODE>NOT_FOUND</CODE><MSG>");
        HttpResponse<String> noParameter = get(sandbox.taxUrl() + "/sw/nsr");
        assertThat(noParameter.statusCode()).isEqualTo(400);
        assertThat(noParameter.body()).contains("<CODE>BAD_REQUEST</CODE>");
    }

    @Test
    @DisplayName("started with port 0 everywhere, the sandbox reports the real ports, distinct and matching its URLs")
    void reportsActualPorts() {
        assertThat(sandbox.port(SystemId.PUBLIC_SECURITY)).isPositive();
        assertThat(sandbox.publicSecurityAddress()).isEqualTo("http://127.0.0.1:" + sandbox.port(SystemId.PUBLIC_SECURITY) + "/ga/rkxx");
        assertThat(sandbox.marketSupervisionUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port(SystemId.MARKET_SUPERVISION));
        assertThat(sandbox.taxUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port(SystemId.TAX));
        assertThat(sandbox.socialSecurityBrokerUrl()).isEqualTo("tcp://127.0.0.1:" + sandbox.port(SystemId.SOCIAL_SECURITY));
        assertThat(java.util.Set.of(sandbox.port(SystemId.PUBLIC_SECURITY), sandbox.port(SystemId.MARKET_SUPERVISION),
                sandbox.port(SystemId.TAX), sandbox.port(SystemId.SOCIAL_SECURITY), sandbox.adminPort())).hasSize(5);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
