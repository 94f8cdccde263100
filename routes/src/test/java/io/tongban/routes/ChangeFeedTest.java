package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.SocialInsurance;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The departments' change feeds keep the shared base current between lookups. */
class ChangeFeedTest extends SandboxedBusTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    @DisplayName("A GB18030 change file dropped into the feed directory shows in the next lookup; its broken row is reported, the rest applied")
    void marketChangeFileUpdatesTheBase() throws Exception {
        Enterprise company = SeedSubjects.companyInEverySource();
        assertThat(get("/api/v1/legal-entities/" + company.creditCode()).status()).isEqualTo(200);
        // dated today (in China): a change dated before the fetch just made is rightly skipped as older
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String fileName = "QYBG_" + today.replace("-", "") + ".csv";
        String brokenCode = company.creditCode().substring(0, 17) + (company.creditCode().endsWith("0") ? "1" : "0");
        String file = String.join("\r\n",
                "TYSHXYDM,BGXM,BGQNR,BGHNR,BGRQ",
                company.creditCode() + ",企业名称," + company.name() + ",深圳变更后科技有限公司," + today,
                brokenCode + ",住所,旧址,新址," + today,
                company.creditCode() + ",住所,\"" + company.domicile() + "\",\"广东省深圳市福田区变更路1号, 2楼\"," + today,
                "");
        drop(file, fileName);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode fields = get("/api/v1/legal-entities/" + company.creditCode()).body().path("fields");
            assertThat(fields.path("name").path("value").asText()).isEqualTo("深圳变更后科技有限公司");
            assertThat(fields.path("domicile").path("value").asText()).startsWith("广东省深圳市福田区变更路1号");
        });
        JsonNode rejections = get("/api/v1/change-feeds/rejections").body();
        assertThat(rejections.findValuesAsText("location")).contains(fileName + ":3");
        assertThat(rejections.findValuesAsText("code")).contains("mapping.invalid_identifier");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(sandbox().feedDirectory().resolve(".done")));
    }

    @Test
    @DisplayName("A social security change event on the department's topic updates the person in the base")
    void socialSecurityChangeEventUpdatesTheBase() throws Exception {
        Person person = SeedSubjects.personInEverySource();
        assertThat(get("/api/v1/persons/" + person.identityNumber()).status()).isEqualTo(200);
        SocialInsurance insured = sandbox().seed().socialInsurance(person.identityNumber()).orElseThrow();
        String movedTo = "广东省佛山市顺德区变更路8号";

        SocialSecurityEvents.publish(SocialSecurityEvents.addressChanged(insured, movedTo, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode body = get("/api/v1/persons/" + person.identityNumber()).body();
            assertThat(body.path("conflicts").findValuesAsText("value")).contains(movedTo);
        });
        JsonNode body = get("/api/v1/persons/" + person.identityNumber()).body();
        assertThat(body.path("fields").path("address").path("value").asText()).isEqualTo(person.address());
    }

    private static void drop(String content, String name) throws Exception {
        Path directory = sandbox().feedDirectory();
        Files.createDirectories(directory);
        Path partial = directory.resolve(name + ".part");
        Files.write(partial, content.getBytes(GB18030));
        Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }


}
