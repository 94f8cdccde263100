import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load generator for the lookup API ({@code GET /api/v1/persons/{idNumber}} and, to warm up,
 * {@code /api/v1/legal-entities/{creditCode}}): a fixed number of workers, each sending its next request as soon as
 * the previous answer is in, on the client's pool of keep-alive HTTP/1.1 connections (one per worker). Every answer
 * is checked (the expected status, and the asked identifier in the body); latencies go into an HdrHistogram (µs).
 *
 * <p>Runs the whole plan in one JVM, so that the client's own JIT is warm by the time the measured phases run:
 * <ol>
 *   <li>{@code warm-up 404}: unknown identity numbers; all three person departments are asked and say "not found";</li>
 *   <li>{@code warm-up ent}: every seed legal entity once, read through from market supervision and tax;</li>
 *   <li>{@code cold}: every seed person exactly once, read through from public security, social security and tax:
 *       the last {@code cold-low} of them at the low concurrency, the others before them at the high one (high first,
 *       so that both run on a JVM as warm as the cold path can get without spending seed persons);</li>
 *   <li>{@code warm}: random seed persons, all in the shared base by then, for {@code warm-seconds} after
 *       {@code warmup-seconds} unrecorded, at the high and then the low concurrency.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp HdrHistogram.jar LookupLoad.java key=value...} with keys {@code base}
 * (http://127.0.0.1:8080), {@code persons}, {@code unknown}, {@code entities} (files of API paths such as
 * {@code persons/<id>}), {@code token-file} (the bearer token to send), {@code low}, {@code high}, {@code cold-low}, {@code warmup-seconds}, {@code warm-seconds},
 * {@code phase-limit-seconds} (a count-bounded phase stops there), {@code bus-pid} (optional: the bus's CPU use per
 * phase is read from /proc, to tell a CPU-bound phase from one that waits).
 */
public class LookupLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    /** The Authorization header every request carries (the bus's demo platform token). */
    private final String authorization;
    private final long phaseLimitNanos;
    private final Path busStat;

    private LookupLoad(String base, String token, long phaseLimitSeconds, String busPid) {
        this.base = base;
        this.authorization = "Bearer " + token;
        this.phaseLimitNanos = Duration.ofSeconds(phaseLimitSeconds).toNanos();
        this.busStat = busPid == null ? null : Path.of("/proc", busPid, "stat");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        List<String> persons = Files.readAllLines(Path.of(options.get("persons")));
        List<String> unknown = Files.readAllLines(Path.of(options.get("unknown")));
        List<String> entities = Files.readAllLines(Path.of(options.get("entities")));
        int low = Integer.parseInt(options.getOrDefault("low", "1"));
        int high = Integer.parseInt(options.getOrDefault("high", "16"));
        int coldLow = Integer.parseInt(options.getOrDefault("cold-low", "300"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "5"));
        int warmSeconds = Integer.parseInt(options.getOrDefault("warm-seconds", "30"));
        LookupLoad load = new LookupLoad(options.getOrDefault("base", "http://127.0.0.1:8080"),
                Files.readString(Path.of(options.get("token-file"))).strip(),
                Long.parseLong(options.getOrDefault("phase-limit-seconds", "120")), options.get("bus-pid"));

        List<Result> results = new ArrayList<>();
        results.add(load.once("warm-up 404", high, unknown, 404));
        results.add(load.once("warm-up ent", high, entities, 200));
        int split = persons.size() - coldLow;
        results.add(load.once("cold", high, persons.subList(0, split), 200));
        results.add(load.once("cold", low, persons.subList(split, persons.size()), 200));
        for (int concurrency : new int[] {high, low}) {
            load.forDuration("(warm-up)", concurrency, persons, warmupSeconds);
            results.add(load.forDuration("warm", concurrency, persons, warmSeconds));
        }
        print(results);
    }

    /** Every path of {@code paths} exactly once, spread over {@code concurrency} workers. */
    private Result once(String phase, int concurrency, List<String> paths, int expectedStatus)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + phaseLimitNanos;
        return run(phase, concurrency, expectedStatus, random -> {
            int index = next.getAndIncrement();
            return index < paths.size() && System.nanoTime() < deadline ? paths.get(index) : null;
        }, paths.size());
    }

    /** Random paths of {@code paths} for {@code seconds}. */
    private Result forDuration(String phase, int concurrency, List<String> paths, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        return run(phase, concurrency, 200, random -> System.nanoTime() < deadline ? paths.get(random) : null,
                paths.size());
    }

    /**
     * Runs {@code concurrency} workers until {@code nextPath} answers null; nextPath gets a random index below
     * {@code size} (used by the timed phases) and answers the API path to ask next.
     */
    private Result run(String phase, int concurrency, int expectedStatus, IntFunction<String> nextPath, int size)
            throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        long busCpuStart = busCpuNanos();
        long clientCpuStart = clientCpuNanos();
        long machineCpuStart = machineCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(expectedStatus, nextPath, Math.max(1, size));
            worker.thread = new Thread(worker, "load-" + i);
            worker.thread.start();
            workers.add(worker);
        }
        for (Worker worker : workers) {
            worker.thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Result result = new Result(phase, concurrency, seconds);
        result.busCores = busCpuStart < 0 ? -1 : (busCpuNanos() - busCpuStart) / 1e9 / seconds;
        result.clientCores = (clientCpuNanos() - clientCpuStart) / 1e9 / seconds;
        result.otherCores = busCpuStart < 0 || machineCpuStart < 0 ? -1
                : Math.max(0, (machineCpuNanos() - machineCpuStart) / 1e9 / seconds - result.busCores - result.clientCores);
        for (Worker worker : workers) {
            result.latencies.add(worker.latencies);
            result.degraded += worker.degraded;
            worker.errors.forEach((kind, count) -> result.errors.merge(kind, count, Long::sum));
        }
        return result;
    }

    /** CPU time the bus process has used so far (user + system, from /proc/PID/stat in 1/100 s ticks), or -1. */
    private long busCpuNanos() {
        if (busStat == null) {
            return -1;
        }
        try {
            String stat = Files.readString(busStat);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time all processes of the machine have used so far (the first line of /proc/stat less idle and iowait), or -1. */
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

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private final class Worker implements Runnable {
        final Histogram latencies = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        final Map<String, Long> errors = new TreeMap<>();
        final int expectedStatus;
        final IntFunction<String> nextPath;
        final int size;
        long degraded;
        Thread thread;

        Worker(int expectedStatus, IntFunction<String> nextPath, int size) {
            this.expectedStatus = expectedStatus;
            this.nextPath = nextPath;
            this.size = size;
        }

        @Override
        public void run() {
            for (String path; (path = nextPath.apply(ThreadLocalRandom.current().nextInt(size))) != null; ) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/" + path))
                        .timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                        .header("Authorization", authorization)
                        // purposes the demo grants release every conditional field of the subject type for
                        .header("Tongban-Purpose", path.startsWith("persons/") ? "residence-permit" : "company-establishment")
                        .GET().build();
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    check(path, response);
                } catch (IOException e) {
                    latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Counts an answer that is not the expected one; the identifier itself never goes into the report. */
        private void check(String path, HttpResponse<String> response) {
            String body = response.body();
            String idName = path.startsWith("persons/") ? "idNumber" : "creditCode";
            String asked = "\"" + idName + "\":\"" + path.substring(path.indexOf('/') + 1) + "\"";
            if (response.statusCode() != expectedStatus) {
                errors.merge("HTTP " + response.statusCode() + " " + problemCode(body), 1L, Long::sum);
            } else if (expectedStatus == 200 && !body.contains(asked)) {
                errors.merge("HTTP 200 without the asked " + idName, 1L, Long::sum);
            } else if (expectedStatus == 404 && !body.contains("\"code\":\"base.subject_not_found\"")) {
                errors.merge("HTTP 404 " + problemCode(body), 1L, Long::sum);
            } else if (body.contains("\"degraded\":true")) {
                degraded++;
            }
        }
    }

    /** The stable error code of a problem+json answer, so that errors can be told apart without any personal data. */
    private static String problemCode(String body) {
        int at = body.indexOf("\"code\":\"");
        if (at < 0) {
            return "(no code)";
        }
        int from = at + "\"code\":\"".length();
        return body.substring(from, Math.max(from, body.indexOf('"', from)));
    }

    private static final class Result {
        final String phase;
        final int concurrency;
        final double seconds;
        final Histogram latencies = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        final Map<String, Long> errors = new TreeMap<>();
        long degraded;
        double busCores;
        double clientCores;
        double otherCores;

        Result(String phase, int concurrency, double seconds) {
            this.phase = phase;
            this.concurrency = concurrency;
            this.seconds = seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void print(List<Result> results) {
        String format = "%-12s %4s %8s %6s %8s %7s %7s %7s %7s %7s %7s %7s %7s %7s%n";
        System.out.printf(format, "phase", "conc", "requests", "errors", "degraded", "seconds", "req/s", "p50", "p90",
                "p99", "max", "bus", "client", "other");
        for (Result r : results) {
            Histogram h = r.latencies;
            System.out.printf(format, r.phase, r.concurrency, h.getTotalCount(), r.errorCount(), r.degraded,
                    String.format("%.1f", r.seconds), String.format("%.0f", h.getTotalCount() / r.seconds),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                    ms(h.getMaxValue()), cores(r.busCores), cores(r.clientCores),
                    cores(r.otherCores));
        }
        System.out.println("latencies in ms; degraded = HTTP 200 with \"degraded\":true (a department missing);"
                + " bus, client, other = CPU cores used on average by the bus (with its sandbox), by this client and by"
                + " every other process, out of the machine's " + Runtime.getRuntime().availableProcessors());
        for (Result r : results) {
            r.errors.forEach((kind, count) -> System.out.printf("errors in %s c=%d: %d x %s%n", r.phase, r.concurrency,
                    count, kind));
        }
    }

    private static String cores(double cores) {
        return cores < 0 ? "-" : String.format("%.2f", cores);
    }

    private static String ms(long micros) {
        return String.format(micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
    }
}
