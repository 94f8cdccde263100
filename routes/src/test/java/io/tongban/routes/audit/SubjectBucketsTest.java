package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On H2 a subject's entries are indexed bucket by bucket (V13): a search and an export find them across buckets,
 * newest first, paged by index, as one query over a subject-first index finds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SubjectBucketsTest extends SandboxedBusTest {

    private static final int ROWS = AuditRepository.SUBJECT_BUCKET_ROWS;
    private static final String SUBJECT = "a1".repeat(32);
    private static final String OTHER = "b2".repeat(32);

    @Autowired
    ExchangeLog log;
    @Autowired
    AuditRepository repository;

    private final List<Long> subjectEntries = new ArrayList<>();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:subject-buckets;DB_CLOSE_DELAY=-1");
    }

    /** The subject's entries at the start of the log, in a bucket's last and next bucket's first row, and far later. */
    @BeforeAll
    void entriesInSeveralBuckets() {
        long first = log.record(entry(SUBJECT))[0];
        subjectEntries.add(first);
        fill((int) Math.floorMod(ROWS - 2 - first, ROWS));
        subjectEntries.add(log.record(entry(SUBJECT))[0]); // the bucket's last row, unless another entry came between
        subjectEntries.add(log.record(entry(SUBJECT))[0]); // the next bucket's first
        fill(3 * ROWS);
        subjectEntries.add(log.record(entry(SUBJECT))[0]);
        log.awaitReadable();
        Collections.reverse(subjectEntries);
        assertThat(subjectEntries.stream().map(index -> index / ROWS).distinct()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("A search pages through a subject's entries in four buckets, newest first, two at a time")
    void searchAcrossBuckets() {
        List<Long> found = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 3; page++) {
            List<StoredEntry> entries = repository.search(query(before, 2));
            entries.forEach(e -> found.add(e.index()));
            if (entries.size() < 2) {
                break;
            }
            before = entries.get(entries.size() - 1).index();
        }
        assertThat(found).isEqualTo(subjectEntries);
        assertThat(repository.search(query(subjectEntries.get(3), 10))).isEmpty();
        assertThat(repository.search(query(null, 10))).extracting(StoredEntry::index).isEqualTo(subjectEntries);
    }

    @Test
    @DisplayName("An export streams every entry of the subject, newest first, across the buckets")
    void exportAcrossBuckets() {
        List<Long> streamed = new ArrayList<>();
        repository.stream(query(null, 1), entry -> streamed.add(entry.index()));
        assertThat(streamed).isEqualTo(subjectEntries);
    }

    private static AuditQuery query(Long before, int limit) {
        return new AuditQuery(SUBJECT, null, null, null, null, null, null, null, null, before, limit);
    }

    private void fill(int entries) {
        for (int done = 0; done < entries; ) {
            List<ExchangeEntry> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(500, entries - done); i++) {
                batch.add(entry(OTHER));
            }
            log.record(batch);
            done += batch.size();
        }
    }

    private static ExchangeEntry entry(String subject) {
        return new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), "buckets", "GET /test", "OK")
                .subject(new SubjectReference("PERSON", subject, "4403**********0000"));
    }
}
