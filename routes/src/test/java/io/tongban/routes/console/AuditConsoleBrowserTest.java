package io.tongban.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.seed.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditor console end to end: real exchanges over HTTP, then the console in headless Chromium against the running
 * bus, down to a row tampered with behind the bus's back. The tampering breaks the log for good, so this class has its
 * own database and its bus is closed afterwards.
 */
@DirtiesContext
class AuditConsoleBrowserTest extends SandboxedBusTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String INVALID_IDENTITY_NUMBER = "440305198304261275";
    private static final Comparator<Long> NEWEST_FIRST = Comparator.reverseOrder();
    private static final int SUBJECT = 6;
    private static final int OUTCOME = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HeadlessChromium chromium;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:console-test;DB_CLOSE_DELAY=-1");
    }

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.assumeInstalled();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @DisplayName("An auditor searches by identity number, pages through the rows, opens an entry with its proof, and sees"
            + " the exact tampered index once a row is changed behind the bus's back")
    void searchOpenAndSeeTampering() throws Exception {
        // The demo person is left alone by every other test (see SeedSubjects); the other person is taken from the
        // far end of the seed, which SeedSubjects reaches last.
        Person person = sandbox().seed().demoPerson();
        Person other = otherPerson(person);
        assertThat(get("/api/v1/persons/" + person.identityNumber()).status()).isEqualTo(200);
        assertThat(get("/api/v1/persons/" + other.identityNumber()).status()).isEqualTo(200);
        assertThat(get("/api/v1/persons/" + person.identityNumber()).status()).isEqualTo(200);
        assertThat(get("/api/v1/persons/" + INVALID_IDENTITY_NUMBER).status()).isEqualTo(400);
        JsonNode onRecord = get("/api/v1/audit/entries?subjectType=PERSON&limit=200&subject=" + person.identityNumber())
                .body().path("entries");
        List<Long> recorded = new ArrayList<>();
        List<JsonNode> lookups = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode found : onRecord) {
            recorded.add(found.path("index").asLong());
            kinds.add(found.path("entry").path("kind").asText());
            if ("api".equals(found.path("entry").path("kind").asText())) {
                lookups.add(found);
            }
        }
        assertThat(kinds).contains("api", "department-call");
        JsonNode lookup = lookups.get(0);
        String masked = lookup.path("entry").path("subject").path("masked").asText();
        assertThat(masked).isNotBlank().isNotEqualTo(person.identityNumber());
        long checkpointSize = awaitCheckpointCovering(recorded.get(0));

        WebDriver browser = chromium.driver();
        browser.get(uri("/audit").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/audit/");
        assertThat(browser.getTitle()).contains("Audit console");
        WebElement token = browser.findElement(By.id("token"));
        token.sendKeys(token(Role.AUDITOR));
        token.sendKeys(Keys.TAB); // leaving the field signs the console in
        awaitVerification("valid");

        // Search by identity number, two per page, newest first, then all on one page.
        search(() -> {
            new Select(field("subjectType")).selectByValue("PERSON");
            field("subject").sendKeys(person.identityNumber());
            replace(field("limit"), "2");
        });
        List<Long> firstPage = rowIndices();
        assertThat(firstPage).hasSize(2);
        browser.findElement(By.id("next-page")).click();
        await().until(d -> !rowIndices().isEmpty() && !rowIndices().equals(firstPage));
        assertThat(text("results-status")).contains("Page 2");
        List<Long> paged = new ArrayList<>(firstPage);
        paged.addAll(rowIndices());
        assertThat(paged).hasSize(4).isSortedAccordingTo(NEWEST_FIRST).doesNotHaveDuplicates();

        search(() -> replace(field("limit"), "50"));
        List<Long> all = rowIndices();
        assertThat(all).containsAll(recorded).containsAll(paged).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(all).filteredOn(index -> !recorded.contains(index)).allSatisfy(newer -> assertThat(newer)
                .isGreaterThan(recorded.get(0)));
        assertThat(column(SUBJECT)).containsOnly(masked);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain(person.identityNumber()).doesNotContain(other.identityNumber());
        assertThat(indicesInExport(exportLink("export-ndjson"))).containsAll(recorded);
        assertThat(exportLink("export-csv")).contains("format=csv").contains("subjectType=PERSON").doesNotContain("limit=");
        assertThat(exportLink("export-bundle")).endsWith("/api/v1/audit/bundle");

        // Open the person's lookup entry: its leaf hash, its place and its proof against the latest checkpoint.
        long index = lookup.path("index").asLong();
        assertThat(index).isLessThan(checkpointSize);
        browser.findElement(By.cssSelector("#results tr[data-index='" + index + "'] button")).click();
        await().until(d -> d.findElement(By.id("entry-proof-check")).getDomAttribute("data-state") != null);
        String place = text("entry-place");
        long shownSize = Long.parseLong(place.replaceAll("(?s).*of tree size (\\d+).*", "$1"));
        JsonNode proof = get("/api/v1/audit/proofs/inclusion?index=" + index + "&size=" + shownSize).body();
        assertThat(shownSize).isGreaterThanOrEqualTo(checkpointSize);
        assertThat(place).contains("index " + index + " of tree size " + shownSize);
        assertThat(text("entry-leaf-hash")).isEqualTo(lookup.path("leafHash").asText());
        assertThat(JSON.readTree(text("entry-json"))).isEqualTo(lookup.path("entry"));
        assertThat(browser.findElements(By.cssSelector("#entry-proof li code")).stream().map(WebElement::getText).toList())
                .isNotEmpty().isEqualTo(texts(proof.path("proof")));
        assertThat(browser.findElement(By.id("entry-proof-check")).getDomAttribute("data-state")).isEqualTo("ok");
        chromium.screenshot("audit-console-results");

        // Refusals are on record too, and an error answer is shown by its detail and code.
        search(() -> {
            field("subject").clear();
            new Select(field("subjectType")).selectByValue("");
            new Select(field("outcome")).selectByVisibleText("REFUSED");
        });
        assertThat(column(OUTCOME)).isNotEmpty().allSatisfy(outcome -> assertThat(outcome).startsWith("REFUSED"))
                .anySatisfy(outcome -> assertThat(outcome).contains("mapping.invalid_identifier"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(INVALID_IDENTITY_NUMBER);
        search(() -> {
            new Select(field("outcome")).selectByIndex(0);
            field("subject").sendKeys(person.identityNumber());
        });
        JsonNode refusal = get("/api/v1/audit/entries?subject=" + person.identityNumber()).body();
        assertThat(browser.findElement(By.id("search-problem")).isDisplayed()).isTrue();
        assertThat(text("search-problem")).contains(refusal.path("detail").asText()).contains(refusal.path("code").asText());
        assertThat(column(OUTCOME)).isNotEmpty().allSatisfy(outcome -> assertThat(outcome).startsWith("REFUSED"));
        assertThat(exportLink("export-csv")).contains("outcome=REFUSED").doesNotContain("subject=");

        // Change one row behind the bus's back: the verification names exactly that index.
        String original = new String(jdbc.queryForObject("SELECT entry_json FROM audit_entry WHERE idx = ?", byte[].class,
                index), StandardCharsets.UTF_8);
        assertThat(original).contains("\"outcome\":\"OK\"");
        jdbc.update("UPDATE audit_entry SET entry_json = ? WHERE idx = ?",
                original.replace("\"outcome\":\"OK\"", "\"outcome\":\"NOT_FOUND\"").getBytes(StandardCharsets.UTF_8), index);
        browser.findElement(By.id("verify-now")).click();
        awaitVerification("invalid");
        assertThat(text("first-bad-index")).isEqualTo(String.valueOf(index));
        assertThat(text("verification-problem")).isEqualTo("CHANGED");
        browser.findElement(By.id("first-bad-index")).click();
        await().until(ExpectedConditions.attributeToBe(By.id("entry-proof-check"), "data-state", "bad"));
        chromium.screenshot("audit-console-tampered");
    }

    private long awaitCheckpointCovering(long index) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Answer checkpoint = get("/api/v1/audit/checkpoint");
            if (checkpoint.status() == 200 && checkpoint.body().path("size").asLong() > index) {
                return checkpoint.body().path("size").asLong();
            }
            sleep(200);
        }
        throw new AssertionError("no checkpoint covered entry " + index + " within " + PATIENCE);
    }

    private static Person otherPerson(Person demo) {
        List<Person> persons = sandbox().seed().persons();
        for (int i = persons.size() - 1; i >= 0; i--) {
            Person candidate = persons.get(i);
            if ("0".equals(candidate.status())
                    && !candidate.identityNumber().substring(14).equals(demo.identityNumber().substring(14))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the seed holds no second living person");
    }

    /**
     * Fills the form, submits it and waits for the answer (rows or a problem) to be shown. The console disables the
     * submit button from the moment the form is submitted until the answer is on screen.
     */
    private void search(Runnable filling) {
        WebElement form = chromium.driver().findElement(By.id("search-form"));
        WebElement submit = form.findElement(By.id("search-submit"));
        await().until(ExpectedConditions.elementToBeClickable(submit));
        filling.run();
        submit.click();
        await().until(ExpectedConditions.elementToBeClickable(submit));
    }

    private void awaitVerification(String state) {
        await().until(ExpectedConditions.attributeToBe(By.id("verification-state"), "data-state", state));
    }

    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(chromium.driver(), PATIENCE);
        wait.ignoring(StaleElementReferenceException.class); // rows are replaced while the wait reads them
        return wait;
    }

    private WebElement field(String name) {
        return chromium.driver().findElement(By.cssSelector("#search-form [name='" + name + "']"));
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private String exportLink(String id) {
        return chromium.driver().findElement(By.id(id)).getDomProperty("href");
    }

    private List<Long> rowIndices() {
        return chromium.driver().findElements(By.cssSelector("#results tbody tr")).stream()
                .map(row -> Long.parseLong(row.getDomAttribute("data-index"))).toList();
    }

    /** The texts of one results column, 0 being the index. */
    private List<String> column(int column) {
        return chromium.driver().findElements(By.cssSelector("#results tbody tr td:nth-child(" + (column + 1) + ")"))
                .stream().map(WebElement::getText).toList();
    }

    /** The indices of the entries that an export link downloads, one NDJSON line each. */
    private static List<Long> indicesInExport(String link) throws IOException, InterruptedException {
        HttpResponse<String> download = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                        .header("Authorization", "Bearer " + token(Role.AUDITOR)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        List<Long> indices = new ArrayList<>();
        for (String line : download.body().split("\n")) {
            if (!line.isBlank()) {
                indices.add(JSON.readTree(line).path("index").asLong());
            }
        }
        return indices;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
