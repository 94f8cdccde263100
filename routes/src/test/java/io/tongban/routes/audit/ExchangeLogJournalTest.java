package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeLogJournalTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("Rows written come back in order with every field, absent ones absent")
    void rowsComeBackWhole() {
        LogRow full = row(0);
        LogRow sparse = new LogRow(1, "{\"b\":2}".getBytes(), new byte[64], Instant.parse("2026-12-07T08:00:00.123456789Z"),
                "change-feed", null, null, null, null, null, "REJECTED", null);
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory)) {
            journal.write(List.of(full, sparse));
        }
        List<LogRow> read = readAll();
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).usingRecursiveComparison().isEqualTo(full);
        assertThat(read.get(1)).usingRecursiveComparison().isEqualTo(sparse);
    }

    @Test
    @DisplayName("A record torn at the end of the journal (its write never returned, so it was never acknowledged) ends it")
    void tornTailEndsTheJournal() throws IOException {
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory)) {
            journal.write(List.of(row(0), row(1), row(2)));
        }
        Path segment = onlySegment();
        byte[] whole = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThat(readAll()).extracting(LogRow::index).containsExactly(0L, 1L);
    }

    @Test
    @DisplayName("A record that fails its checksum before the journal's end is damage, named with its segment")
    void damageBeforeTheEndIsRefused() throws IOException {
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory, 1)) { // a segment per write
            journal.write(List.of(row(0), row(1)));
            journal.write(List.of(row(2)));
        }
        Path first = segments().get(0);
        byte[] bytes = Files.readAllBytes(first);
        bytes[20] ^= 1;
        Files.write(first, bytes);
        assertThatThrownBy(this::readAll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(first.getFileName().toString()).hasMessageContaining("damaged");
    }

    @Test
    @DisplayName("A segment goes once every row of it is in the tables; the one being written stays")
    void appliedSegmentsAreDeleted() throws IOException {
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory, 1)) {
            journal.write(List.of(row(0), row(1)));
            journal.write(List.of(row(2), row(3)));
            journal.write(List.of(row(4)));
            journal.release(1);
            assertThat(segments()).hasSize(3);
            journal.release(2);
            assertThat(segments()).hasSize(2);
            journal.release(5);
            assertThat(segments()).extracting(p -> p.getFileName().toString()).containsExactly("00000000000000000004.journal");
            journal.write(List.of(row(5)));
        }
        assertThat(readAll()).extracting(LogRow::index).containsExactly(4L, 5L);
    }

    @Test
    @DisplayName("A journal reopened after the process went away goes on with what it held")
    void reopenedJournalReadsEverySegment() {
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory, 1)) {
            journal.write(List.of(row(0), row(1)));
            journal.write(List.of(row(2)));
        }
        assertThat(readAll()).extracting(LogRow::index).containsExactly(0L, 1L, 2L);
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory)) {
            journal.clear();
        }
        assertThat(readAll()).isEmpty();
    }

    private List<LogRow> readAll() {
        List<LogRow> rows = new ArrayList<>();
        try (ExchangeLogJournal journal = new ExchangeLogJournal(directory)) {
            journal.read(rows::add);
        }
        return rows;
    }

    private Path onlySegment() throws IOException {
        List<Path> all = segments();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static LogRow row(long index) {
        byte[] hashes = new byte[32 * (1 + Long.numberOfTrailingZeros(index + 1))];
        LongStream.range(0, hashes.length).forEach(i -> hashes[(int) i] = (byte) (index + i));
        return new LogRow(index, ("{\"index\":" + index + "}").getBytes(), hashes, Instant.parse("2026-12-07T08:00:00Z"),
                "api", "c-" + index, "one-window-platform", "tax", "GET /api/v1/persons/{idNumber}", new byte[32],
                "OK", "residence-permit");
    }
}
