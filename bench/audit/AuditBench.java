import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.BusApplication;
import io.tongban.routes.audit.ExchangeEntry;
import io.tongban.routes.audit.ExchangeLog;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.security.transparency.MerkleHash;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the exchange log inside a whole bus: starts the bus in this JVM (so that it can call
 * {@link ExchangeLog#record}, the recording point every exchange goes through) and measures, in this order:
 * <ol>
 *   <li>durable appends: N producer threads, each calling {@code record} with one lookup-like entry and waiting until
 *       it is committed, for each N of {@code threads}; {@code warmup-seconds} unrecorded (the first N:
 *       {@code first-warmup-seconds}, while the JIT compiles the bus), then {@code seconds};</li>
 *   <li>checkpoint lag, during those measured phases: a sampler records one entry every {@code lag-sample-ms} beside
 *       the producers and notes when {@code record} returned; a poller reads the head row's checkpoint size every
 *       {@code lag-poll-ms} and notes when a signed checkpoint covers the sample;</li>
 *   <li>a top-up to {@code tree-size} entries (batches of 500, not a measurement) and a wait for the checkpoint;</li>
 *   <li>verification of the whole tree, {@code GET /api/v1/audit/verification}, {@code verify-runs} times;</li>
 *   <li>proofs: {@code GET /api/v1/audit/proofs/inclusion} and {@code /consistency} for random indexes and sizes over
 *       the whole tree, one request at a time ({@code proof-warmup} unrecorded, then {@code proofs} of each), and as a
 *       baseline {@code GET /api/v1/audit/checkpoint}: one row read, so its latency is what any API request costs
 *       here (HTTP, the exchange-log filter and the durable append of the request's own entry); timed and checked by
 *       {@code proof-client} (bench/audit/ProofClient.java) in a JVM of its own.</li>
 * </ol>
 * Every answer is checked: a {@code record} that throws is an error (by exception and message); a verification must
 * be valid and cover the tree; the proof client checks each proof.
 *
 * <p>Usage: {@code java -cp <the extracted bus jar> AuditBench.java key=value... -- <bus arguments>}, keys
 * {@code label}, {@code threads} (16,64,256), {@code warmup-seconds} (10), {@code first-warmup-seconds} (30),
 * {@code seconds} (20), {@code lag-sample-ms}
 * (20), {@code lag-poll-ms} (5), {@code tree-size} (1000000), {@code verify-runs} (2), {@code proof-warmup} (500),
 * {@code proofs} (2000), {@code proof-client} (the path of ProofClient.java). The bus arguments are Spring Boot's ({@code --bus.data-dir=...}); its API must listen on
 * 127.0.0.1:8080.
 */
public class AuditBench {

    private static final String BASE = "http://127.0.0.1:8080/api/v1/audit";
    /** The canonical fields a three-department person lookup returns. */
    private static final List<String> FIELDS = List.of("idNumber", "name", "gender", "ethnicity", "birthDate",
            "address", "division", "status", "employerCreditCode", "employerName", "insuranceStatus",
            "insuranceUpdatedAt", "insurances", "taxArrears", "taxCreditGrade");
    private static final int SUBJECTS = 4096;
    private static final int FILL_BATCH = 500;

    private final ExchangeLog log;
    private final SubjectHasher hasher;
    private final JdbcTemplate jdbc;
    private final MerkleHash hash;
    private final String[] subjects = syntheticIdentityNumbers();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** The auditor's demo token, which the bus wrote at start-up: the log's API is the auditors'. */
    private final Path tokenFile;
    private final String authorization;

    private AuditBench(ConfigurableApplicationContext bus) throws IOException {
        this.tokenFile = Path.of(bus.getEnvironment().getRequiredProperty("bus.access.demo.directory"), "auditor.token");
        this.authorization = "Bearer " + Files.readString(tokenFile).strip();
        this.log = bus.getBean(ExchangeLog.class);
        this.hasher = bus.getBean(SubjectHasher.class);
        this.jdbc = bus.getBean(JdbcTemplate.class);
        this.hash = bus.getBean(MerkleHash.class);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        int split = Arrays.asList(args).indexOf("--");
        for (String arg : Arrays.copyOfRange(args, 0, split < 0 ? args.length : split)) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String[] busArgs = split < 0 ? new String[0] : Arrays.copyOfRange(args, split + 1, args.length);
        int[] threads = Arrays.stream(options.getOrDefault("threads", "16,64,256").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "10"));
        int firstWarmupSeconds = Integer.parseInt(options.getOrDefault("first-warmup-seconds", "30"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int lagSampleMs = Integer.parseInt(options.getOrDefault("lag-sample-ms", "20"));
        int lagPollMs = Integer.parseInt(options.getOrDefault("lag-poll-ms", "5"));
        long treeSize = Long.parseLong(options.getOrDefault("tree-size", "1000000"));
        int verifyRuns = Integer.parseInt(options.getOrDefault("verify-runs", "2"));
        int proofWarmup = Integer.parseInt(options.getOrDefault("proof-warmup", "500"));
        int proofs = Integer.parseInt(options.getOrDefault("proofs", "2000"));
        String label = options.getOrDefault("label", "H2");

        long started = System.nanoTime();
        ConfigurableApplicationContext bus = SpringApplication.run(BusApplication.class, busArgs);
        int exitCode = 1;
        try {
            AuditBench bench = new AuditBench(bus);
            System.out.printf("bus (%s) up in %.0f s; log at %d entries; entry text %d bytes (canonical JSON, as"
                    + " hashed)%n%n", label, (System.nanoTime() - started) / 1e9, bench.treeSize(), bench.entryBytes());

            List<AppendResult> appends = new ArrayList<>();
            for (int n : threads) {
                bench.appends(n, appends.isEmpty() ? Math.max(firstWarmupSeconds, warmupSeconds) : warmupSeconds, 0,
                        lagPollMs);
                appends.add(bench.appends(n, seconds, lagSampleMs, lagPollMs));
            }
            printAppends(label, appends);

            long fillStart = System.nanoTime();
            long before = bench.treeSize();
            bench.fill(treeSize);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            bench.awaitCheckpointOfHead();
            System.out.printf("%ntop-up to %d entries: %d appended in batches of %d, %.0f entries/s; a checkpoint"
                    + " covers the whole tree%n", bench.treeSize(), bench.treeSize() - before, FILL_BATCH,
                    (bench.treeSize() - before) / fillSeconds);

            List<String[]> verifications = new ArrayList<>();
            for (int run = 1; run <= verifyRuns; run++) {
                verifications.add(bench.verification(run));
            }
            printTable("verification of the whole tree, GET /api/v1/audit/verification",
                    new String[] {"run", "valid", "entries", "checkpoints", "seconds", "entries/s"}, verifications);

            int proofClient = bench.proofs(Path.of(options.get("proof-client")), bench.treeSize(), proofWarmup, proofs);
            boolean clean = appends.stream().allMatch(r -> r.errors.isEmpty() && r.lagUnresolved == 0)
                    && verifications.stream().allMatch(v -> v[1].equals("true")) && proofClient == 0;
            exitCode = clean ? 0 : 2;
        } finally {
            bus.close();
        }
        System.exit(exitCode);
    }

    // ---------------------------------------------------------------------------------------------------- appends

    private static final class AppendResult {
        final int threads;
        final Histogram latencies = newHistogram();
        final Histogram lags = newHistogram();
        final Map<String, Long> errors = new TreeMap<>();
        double seconds;
        double cores;
        double otherCores;
        double writtenKbPerAppend;
        long lagUnresolved;

        AppendResult(int threads) {
            this.threads = threads;
        }
    }

    /** A durably recorded sample, waiting for a checkpoint to cover it. */
    private record LagSample(long index, long durableAtNanos) {
    }

    /**
     * {@code threads} producers for {@code seconds}; with {@code lagSampleMs > 0}, the checkpoint-lag sampler and
     * poller too (the poller goes on after the producers stop until every sample is covered, at most 10 s).
     */
    private AppendResult appends(int threads, int seconds, int lagSampleMs, int lagPollMs) throws Exception {
        AppendResult result = new AppendResult(threads);
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicBoolean sampling = new AtomicBoolean(true); // until the sampler's last sample is queued
        ConcurrentLinkedQueue<LagSample> pending = new ConcurrentLinkedQueue<>();
        List<Thread> producers = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Map<String, Long>> errorMaps = new ArrayList<>();
        CpuMeter cpu = new CpuMeter();
        long writtenBefore = bytesWritten();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Histogram latencies = newHistogram();
            Map<String, Long> errors = new TreeMap<>();
            histograms.add(latencies);
            errorMaps.add(errors);
            producers.add(started("producer-" + i, () -> {
                while (producing.get()) {
                    ExchangeEntry entry = lookupEntry();
                    long sent = System.nanoTime();
                    try {
                        log.record(entry);
                    } catch (RuntimeException e) {
                        errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                    }
                    latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            }));
        }
        Thread sampler = null;
        Thread poller = null;
        if (lagSampleMs > 0) {
            sampler = started("lag-sampler", () -> {
                while (producing.get()) {
                    try {
                        long[] index = log.record(lookupEntry());
                        pending.add(new LagSample(index[0], System.nanoTime()));
                    } catch (RuntimeException e) {
                        synchronized (result.errors) {
                            result.errors.merge("lag sample: " + e.getClass().getSimpleName(), 1L, Long::sum);
                        }
                    }
                    sleep(lagSampleMs);
                }
            });
            poller = started("lag-poller", () -> {
                long deadline = Long.MAX_VALUE;
                while ((sampling.get() || !pending.isEmpty()) && System.nanoTime() < deadline) {
                    long covered = checkpointSize();
                    long now = System.nanoTime();
                    for (LagSample sample; (sample = pending.peek()) != null && sample.index() < covered; ) {
                        pending.poll();
                        result.lags.recordValue(Math.max(1, (now - sample.durableAtNanos()) / 1000));
                    }
                    if (!sampling.get() && deadline == Long.MAX_VALUE) {
                        deadline = now + Duration.ofSeconds(10).toNanos();
                    }
                    sleep(lagPollMs);
                }
            });
        }
        sleep(seconds * 1000L);
        producing.set(false);
        for (Thread producer : producers) {
            producer.join();
        }
        result.seconds = (System.nanoTime() - start) / 1e9;
        cpu.stop(result.seconds);
        long written = bytesWritten() - writtenBefore;
        result.cores = cpu.processCores;
        result.otherCores = cpu.otherCores;
        if (sampler != null) {
            sampler.join();
            sampling.set(false);
            poller.join();
            result.lagUnresolved = pending.size();
        }
        histograms.forEach(result.latencies::add);
        result.writtenKbPerAppend = written / 1024.0 / Math.max(1, result.latencies.getTotalCount());
        errorMaps.forEach(errors -> errors.forEach((kind, count) -> result.errors.merge(kind, count, Long::sum)));
        return result;
    }

    /** An entry like the one a three-department person lookup leaves (kind api, subject, 15 fields, digests). */
    private ExchangeEntry lookupEntry() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), io.tongban.routes.audit.CorrelationIds.next(),
                "GET /api/v1/persons/{idNumber}", "OK")
                .subject(hasher.reference(SubjectType.PERSON, subjects[random.nextInt(SUBJECTS)]))
                .fields(FIELDS, List.of())
                .httpStatus(200)
                .latencyMs(1 + random.nextInt(20))
                .digests("hmac-sha256:" + randomHex(32), "sha256:" + randomHex(32));
    }

    /** Tops the log up to {@code size} entries, two threads recording batches. */
    private void fill(long size) throws InterruptedException {
        List<Thread> fillers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fillers.add(started("filler-" + i, () -> {
                while (treeSize() < size) {
                    List<ExchangeEntry> batch = new ArrayList<>(FILL_BATCH);
                    for (int j = 0; j < FILL_BATCH; j++) {
                        batch.add(lookupEntry());
                    }
                    log.record(batch);
                }
            }));
        }
        for (Thread filler : fillers) {
            filler.join();
        }
        if (treeSize() < size) {
            throw new IllegalStateException("the top-up stopped at " + treeSize() + " entries (see the bus log)");
        }
    }

    private void awaitCheckpointOfHead() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (checkpointSize() < treeSize()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no checkpoint covered the tree within 30 s");
            }
            sleep(20);
        }
    }

    // ------------------------------------------------------------------------------------------------ verification

    private String[] verification(int run) throws Exception {
        long size = treeSize();
        long start = System.nanoTime();
        HttpResponse<String> response = get(BASE + "/verification", Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode body = json.readTree(response.body());
        long entries = body.path("entriesVerified").asLong();
        boolean valid = response.statusCode() == 200 && body.path("valid").asBoolean() && entries >= size;
        if (!valid) {
            System.out.printf("verification run %d: HTTP %d, %s%n", run, response.statusCode(), body.path("detail"));
        }
        return new String[] {Integer.toString(run), Boolean.toString(valid), Long.toString(entries),
                body.path("checkpointsVerified").asText(), String.format("%.2f", seconds),
                String.format("%.0f", entries / seconds)};
    }

    // ------------------------------------------------------------------------------------------------------ proofs

    /**
     * Proofs and checkpoint reads timed by {@code client} (bench/audit/ProofClient.java) in a JVM of its own, on this
     * one's classpath: this JVM is the bus's, and a client here would share its heap and threads. Its table goes to
     * this output. Returns its exit code (0: every answer checked out).
     */
    private int proofs(Path client, long size, int warmup, int count)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), client.toString(),
                "base=" + BASE, "token-file=" + tokenFile, "size=" + size, "hash=" + hash.algorithmName(),
                "warmup=" + warmup, "proofs=" + count).inheritIO().start().waitFor();
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** The tree's size as its readers see it: every entry acknowledged so far (journaled ones brought in first). */
    private long treeSize() {
        log.awaitReadable();
        return jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
    }

    private long checkpointSize() {
        return jdbc.queryForObject("SELECT checkpoint_size FROM audit_head WHERE id = 1", Long.class);
    }

    /** The size of one benchmark entry as the log keeps it (recorded here once, before the measured phases). */
    private int entryBytes() {
        long index = log.record(lookupEntry())[0];
        log.awaitReadable();
        return jdbc.queryForObject("SELECT entry_json FROM audit_entry WHERE idx = ?", byte[].class, index).length;
    }

    /** Bytes this JVM has written through write(2) so far (the H2 file, the bus log): /proc/self/io wchar. */
    private static long bytesWritten() {
        try {
            return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(line -> line.startsWith("wchar:"))
                    .mapToLong(line -> Long.parseLong(line.substring(6).trim())).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private HttpResponse<String> get(String uri, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).header("Accept", "application/json")
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Well-formed 18-character numbers (Shenzhen, 1960-1999), synthetic: the HMAC does not care whose they are. */
    private static String[] syntheticIdentityNumbers() {
        String[] numbers = new String[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            numbers[i] = String.format("440304%d%02d%02d%03d%d", 1960 + i % 40, 1 + i % 12, 1 + i % 28, i % 1000, i % 10);
        }
        return numbers;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static Histogram newHistogram() {
        return new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPU cores used on average by this process (the bus and the benchmark) and by every other process. */
    private static final class CpuMeter {
        final long processStart = processCpuNanos();
        final long machineStart = machineCpuNanos();
        double processCores;
        double otherCores;

        void stop(double seconds) {
            processCores = (processCpuNanos() - processStart) / 1e9 / seconds;
            otherCores = machineStart < 0 ? -1
                    : Math.max(0, (machineCpuNanos() - machineStart) / 1e9 / seconds - processCores);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** The first line of /proc/stat less idle and iowait, in 1/100 s ticks; -1 when unreadable. */
        private static long machineCpuNanos() {
            try {
                String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8 && i < ticks.length; i++) {
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(ticks[i]);
                }
                return busy * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- reports

    private static void printAppends(String label, List<AppendResult> results) {
        List<String[]> appendRows = new ArrayList<>();
        List<String[]> lagRows = new ArrayList<>();
        for (AppendResult r : results) {
            Histogram h = r.latencies;
            appendRows.add(new String[] {Integer.toString(r.threads), Long.toString(h.getTotalCount()),
                    Long.toString(r.errors.values().stream().mapToLong(Long::longValue).sum()),
                    String.format("%.1f", r.seconds), String.format("%.0f", h.getTotalCount() / r.seconds),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                    ms(h.getMaxValue()), String.format("%.2f", r.cores), String.format("%.2f", r.otherCores),
                    String.format("%.1f", r.writtenKbPerAppend)});
            Histogram lag = r.lags;
            lagRows.add(new String[] {Integer.toString(r.threads), Long.toString(lag.getTotalCount()),
                    Long.toString(r.lagUnresolved), ms(lag.getValueAtPercentile(50)), ms(lag.getValueAtPercentile(99)),
                    ms(lag.getMaxValue())});
        }
        printTable("durable appends (" + label + "): ExchangeLog.record(one entry) per call, each waiting until committed",
                new String[] {"threads", "appends", "errors", "seconds", "appends/s", "p50", "p90", "p99", "max",
                        "cores", "other", "kB/append"}, appendRows);
        System.out.println("latencies of record() in ms; cores = CPU cores used by the bus JVM (producers included),"
                + " other = by every other process, out of " + Runtime.getRuntime().availableProcessors()
                + "; kB/append = bytes the bus JVM wrote (its H2 file; not PostgreSQL's writes) per append");
        printTable("checkpoint lag under that load: from record() returning to a signed checkpoint covering the entry",
                new String[] {"threads", "samples", "uncovered", "p50", "p99", "max"}, lagRows);
        System.out.println("in ms, to within the poll interval; uncovered = samples no checkpoint covered within 10 s"
                + " of the end of the phase");
        for (AppendResult r : results) {
            r.errors.forEach((kind, count) -> System.out.printf("errors at %d threads: %d x %s%n", r.threads, count, kind));
        }
    }

    private static void printTable(String title, String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        System.out.println();
        System.out.println(title);
        StringBuilder line = new StringBuilder();
        for (String[] row : prepend(header, rows)) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", row[i])
                        : String.format(" %" + widths[i] + "s", row[i]));
            }
            System.out.println(line);
        }
    }

    private static List<String[]> prepend(String[] first, List<String[]> rest) {
        List<String[]> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String ms(long micros) {
        return String.format(micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
    }
}
