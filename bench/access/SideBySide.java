import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The load client of bench/access.sh: warm person lookups on the bus (bearer token, purpose, field release, exchange
 * log, all on) beside the same JSON answer from a bare Spring Boot endpoint, in one run on one machine.
 *
 * <ol>
 *   <li>{@code prime}: every seed person once on the bus, so that all are in the shared base (read through);</li>
 *   <li>{@code warm-up}: the bus for {@code warmup-seconds} (its JIT needs minutes on two cores), the bare endpoint
 *       for a tenth of it; unrecorded;</li>
 *   <li>{@code saturation}: closed loop at {@code concurrency} for {@code seconds} each, in the order bus, bare,
 *       bare, bus, so that a drift of the machine weighs on both alike; the figures are the means;</li>
 *   <li>{@code half}: open loop at half the bus's saturation rate, on the bus and then on the bare endpoint; a
 *       latency is counted from when the request was due, not from when it was sent, so a stall is not hidden.</li>
 * </ol>
 *
 * <p>Every answer is checked: 200 and, from the bus, the asked identifier in the body. Usage: {@code java -cp
 * HdrHistogram.jar SideBySide.java bus=http://127.0.0.1:8080 bare=http://127.0.0.1:8081 persons=<file>
 * token-file=<file> concurrency=16 seconds=30 warmup-seconds=240 bus-pid= bare-pid=}.
 */
public class SideBySide {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int OPEN_LOOP_THREADS = 128;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> persons;
    private final String authorization;
    private final Map<String, String> pids;
    private final String busBase;

    private SideBySide(String busBase, List<String> persons, String token, Map<String, String> pids) {
        this.busBase = busBase;
        this.persons = persons;
        this.authorization = "Bearer " + token;
        this.pids = pids;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String bus = options.get("bus");
        String bare = options.get("bare");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup-seconds", "240"));
        SideBySide load = new SideBySide(bus, Files.readAllLines(Path.of(options.get("persons"))),
                Files.readString(Path.of(options.get("token-file"))).trim(),
                Map.of("bus", options.getOrDefault("bus-pid", ""), "bare", options.getOrDefault("bare-pid", "")));

        System.out.printf("%-11s %-5s %9s %9s %7s %8s %8s %7s %7s %7s %7s %6s %6s%n", "phase", "side", "load",
                "requests", "errors", "seconds", "req/s", "p50", "p90", "p99", "max", "bus", "bare");
        load.report("prime", "bus", "c=" + concurrency, load.closedLoop(bus, concurrency, 0, true));
        load.closedLoop(bus, concurrency, warmup, false);
        load.closedLoop(bare, concurrency, Math.max(10, warmup / 10), false);
        System.out.printf("(warm-up: %d s on the bus, %d s on the bare endpoint, not shown)%n", warmup,
                Math.max(10, warmup / 10));
        double busRate = 0;
        double bareRate = 0;
        for (String side : List.of("bus", "bare", "bare", "bus")) {
            Result result = load.closedLoop(side.equals("bus") ? bus : bare, concurrency, seconds, false);
            load.report("saturation", side, "c=" + concurrency, result);
            if (side.equals("bus")) {
                busRate += result.rate() / 2;
            } else {
                bareRate += result.rate() / 2;
            }
        }
        double half = busRate / 2;
        Result busHalf = load.openLoop(bus, half, seconds);
        load.report("half", "bus", String.format("%.0f/s", half), busHalf);
        load.report("half", "bare", String.format("%.0f/s", half), load.openLoop(bare, half, seconds));
        System.out.printf("%nsaturation (mean of two runs each): bus %.0f req/s, bare %.0f req/s, ratio %.0f%% (goal:"
                + " at least 50%%)%n", busRate, bareRate, 100 * busRate / bareRate);
        System.out.printf("bus p99 at half its saturation rate (%.0f req/s): %.1f ms (goal: at most 20 ms)%n", half,
                busHalf.latencies().getValueAtPercentile(99) / 1000.0);
    }

    record Result(Histogram latencies, long requests, Map<String, Long> errors, double seconds, Map<String, Double> cores) {
        double rate() {
            return requests / seconds;
        }
    }

    /** Closed loop: each worker sends its next request when the previous answer is in; all persons once if primed. */
    private Result closedLoop(String base, int workers, int seconds, boolean everyPersonOnce) throws Exception {
        Histogram latencies = new Histogram(TIMEOUT.toNanos() / 1000 * 2, 3);
        Map<String, Long> errors = new TreeMap<>();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Map<String, Long> cpuBefore = cpuTicks();
        long start = System.nanoTime();
        Thread[] threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(() -> {
                while (true) {
                    String person;
                    if (everyPersonOnce) {
                        long k = next.getAndIncrement();
                        if (k >= persons.size()) {
                            return;
                        }
                        person = persons.get((int) k);
                    } else {
                        if (System.nanoTime() >= end) {
                            return;
                        }
                        person = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
                    }
                    long sent = System.nanoTime();
                    String error = call(base, person);
                    record(latencies, errors, sent, error);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, latencies.getTotalCount(), errors, elapsed, cores(cpuBefore, elapsed));
    }

    /** Open loop: request i is due at start + i / rate, whatever the answers before it; latency from when it was due. */
    private Result openLoop(String base, double rate, int seconds) throws Exception {
        Histogram latencies = new Histogram(TIMEOUT.toNanos() / 1000 * 2, 3);
        Map<String, Long> errors = new TreeMap<>();
        long total = (long) (rate * seconds);
        long intervalNanos = (long) (1e9 / rate);
        AtomicLong next = new AtomicLong();
        Map<String, Long> cpuBefore = cpuTicks();
        long start = System.nanoTime() + 100_000_000;
        Thread[] threads = new Thread[OPEN_LOOP_THREADS];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (long k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                    long due = start + k * intervalNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    String error = call(base, persons.get(ThreadLocalRandom.current().nextInt(persons.size())));
                    record(latencies, errors, due, error);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, latencies.getTotalCount(), errors, elapsed, cores(cpuBefore, elapsed));
    }

    private static void record(Histogram latencies, Map<String, Long> errors, long since, String error) {
        synchronized (latencies) {
            latencies.recordValue(Math.min(latencies.getHighestTrackableValue(), (System.nanoTime() - since) / 1000));
            if (error != null) {
                errors.merge(error, 1L, Long::sum);
            }
        }
    }

    /** Null when the answer is right, else what was wrong (status and problem code, or the exception), never the id. */
    private String call(String base, String person) {
        String id = person.substring(person.indexOf('/') + 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/" + person)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Tongban-Purpose", "residence-permit").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return response.statusCode() + " " + response.body().replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
            }
            // the bare endpoint always answers with the same person
            boolean right = !base.equals(busBase) || response.body().contains("\"idNumber\":\"" + id + "\"");
            return right ? null : "wrong answer";
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void report(String phase, String side, String load, Result result) {
        Histogram h = result.latencies();
        long errors = result.errors().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%-11s %-5s %9s %9d %7d %8.1f %8.0f %7.2f %7.2f %7.2f %7.1f %6.2f %6.2f%s%n", phase, side, load,
                result.requests(), errors, result.seconds(), result.rate(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                result.cores().getOrDefault("bus", 0.0), result.cores().getOrDefault("bare", 0.0),
                errors == 0 ? "" : "  " + result.errors());
    }

    /** CPU time (user + system clock ticks) of the bus and the bare endpoint so far, from /proc. */
    private Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        pids.forEach((side, pid) -> {
            if (pid.isEmpty()) {
                return;
            }
            try {
                String[] stat = Files.readString(Path.of("/proc", pid, "stat")).replaceAll(".*\\) ", "").split(" ");
                ticks.put(side, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
            } catch (IOException | RuntimeException e) {
                // no figure for this side
            }
        });
        return ticks;
    }

    private Map<String, Double> cores(Map<String, Long> before, double seconds) {
        Map<String, Double> cores = new TreeMap<>();
        cpuTicks().forEach((side, ticks) -> cores.put(side, (ticks - before.getOrDefault(side, ticks)) / 100.0 / seconds));
        return cores;
    }
}
