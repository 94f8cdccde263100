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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Load client of bench/submissions.sh: applications to the bus's {@code POST /api/v1/submissions}, half company
 * establishments (market supervision, tax, social security; a business licence) and half residence permits (public
 * security; a residence permit), so that all four departments work. Every answer must be a 202.
 *
 * <p>Phases: a warm-up; saturation (a closed loop of {@code clients} workers sending {@code count} applications):
 * intake rate and latency, and the end-to-end rate, from the first intake until the bus has applied every
 * department's decision (its {@code tongban.submissions.decisions} metric), with the end-to-end time of a sample of submissions as the bus
 * recorded it (accepted to completed); then an open loop at half the end-to-end rate: intake latency measured from
 * each request's scheduled start, so a stall counts in full.
 *
 * <p>Usage: {@code java -cp HdrHistogram.jar SubmissionLoad.java key=value...}: base, token-file, admin-token-file,
 * clients, count, warmup, rate-seconds.
 */
public class SubmissionLoad {

    private static final String APPLICANT = "440305198304261274";
    private static final Pattern DECIDED = Pattern.compile(
            "tongban_submissions_decisions_total\\{[^}]*outcome=\"applied\"[^}]*} ([0-9.E]+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    // daemon threads: the client's JVM ends with main
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64, task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    })).build();
    private final String base;
    private final String token;
    private final String adminToken;
    private final AtomicInteger sequence = new AtomicInteger();
    private String articles;
    private String domicile;

    SubmissionLoad(String base, String token, String adminToken) {
        this.base = base;
        this.token = token;
        this.adminToken = adminToken;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            settings.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SubmissionLoad load = new SubmissionLoad(settings.get("base"),
                Files.readString(Path.of(settings.get("token-file"))).strip(),
                Files.readString(Path.of(settings.get("admin-token-file"))).strip());
        int clients = Integer.parseInt(settings.getOrDefault("clients", "32"));
        int count = Integer.parseInt(settings.getOrDefault("count", "6000"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmup", "2000"));
        int rateSeconds = Integer.parseInt(settings.getOrDefault("rate-seconds", "30"));
        load.articles = load.upload("articles-of-association");
        load.domicile = load.upload("domicile-proof");

        Saturation warm = load.saturate(clients, warmup);
        System.out.printf("warm-up: %d applications (%d department tasks), %.0f/s end to end%n", warmup,
                warm.tasks, warm.endToEndRate());
        Saturation saturation = load.saturate(clients, count);
        System.out.printf("%n| phase | applications | tasks | rate | p50 ms | p90 ms | p99 ms | max ms |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        row("intake, closed loop c=" + clients, count, saturation.tasks, saturation.intakeRate() + "/s intake",
                saturation.intake);
        row("end to end (accepted to completed, " + saturation.sample.getTotalCount() + " sampled)", count,
                saturation.tasks, String.format("%.0f/s end to end", saturation.endToEndRate()), saturation.sample);
        double half = saturation.endToEndRate() / 2;
        Histogram open = load.openLoop(half, rateSeconds);
        row("intake, open loop at half the end-to-end rate", (int) open.getTotalCount(), -1,
                String.format("%.0f/s offered", half), open);
    }

    private static void row(String phase, int applications, long tasks, String rate, Histogram h) {
        System.out.printf("| %s | %d | %s | %s | %.1f | %.1f | %.1f | %.1f |%n", phase, applications,
                tasks < 0 ? "" : String.valueOf(tasks), rate, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    record Saturation(Histogram intake, Histogram sample, long tasks, double intakeSeconds, double endToEndSeconds,
                      int count) {
        String intakeRate() {
            return String.format("%.0f", count / intakeSeconds);
        }

        double endToEndRate() {
            return count / endToEndSeconds;
        }
    }

    /** {@code count} applications from {@code clients} workers, then waits until the bus applied every decision. */
    Saturation saturate(int clients, int count) throws Exception {
        double decidedBefore = decided();
        Histogram intake = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger tasks = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                Histogram mine = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
                while (left.getAndDecrement() > 0) {
                    int i = sequence.getAndIncrement();
                    long sent = System.nanoTime();
                    ids.add(submit(i));
                    mine.recordValue((System.nanoTime() - sent) / 1000);
                    tasks.addAndGet(i % 2 == 0 ? 3 : 1);
                }
                synchronized (intake) {
                    intake.add(mine);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (decided() < decidedBefore + tasks.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the departments' decisions were not all applied within 5 minutes: "
                        + (decided() - decidedBefore) + " of " + tasks.get());
            }
            Thread.sleep(50);
        }
        double endToEndSeconds = (System.nanoTime() - start) / 1e9;
        Histogram sample = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += Math.max(1, all.size() / 200)) {
            String status = get("/api/v1/submissions/" + all.get(i), token);
            Matcher accepted = Pattern.compile("\"acceptedAt\":\"([^\"]+)\"").matcher(status);
            Matcher completed = Pattern.compile("\"completedAt\":\"([^\"]+)\"").matcher(status);
            if (accepted.find() && completed.find()) {
                sample.recordValue(Duration.between(Instant.parse(accepted.group(1)),
                        Instant.parse(completed.group(1))).toNanos() / 1000);
            }
        }
        return new Saturation(intake, sample, tasks.get(), intakeSeconds, endToEndSeconds, count);
    }

    /** Applications at a fixed rate; each latency from its scheduled start. */
    Histogram openLoop(double rate, int seconds) throws Exception {
        Histogram latencies = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long total = (long) (rate * seconds);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            long scheduled = start + n * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int i = sequence.getAndIncrement();
            pending.add(http.sendAsync(submission(i), HttpResponse.BodyHandlers.ofString()).thenAccept(answer -> {
                check(answer);
                synchronized (latencies) {
                    latencies.recordValue((System.nanoTime() - scheduled) / 1000);
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return latencies;
    }

    private String submit(int i) {
        try {
            HttpResponse<String> answer = http.send(submission(i), HttpResponse.BodyHandlers.ofString());
            check(answer);
            Matcher id = ID.matcher(answer.body());
            if (!id.find()) {
                throw new IllegalStateException("no id in " + answer.body());
            }
            return id.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest submission(int i) {
        boolean company = i % 2 == 0;
        String body = company
                ? "{\"matter\":\"company-establishment\",\"applicant\":\"" + APPLICANT + "\",\"form\":{\"name\":\"林示范\","
                  + "\"companyName\":\"压测示范" + UUID.randomUUID() + "有限公司\",\"companyDomicile\":\"深圳市南山区示范路1号\","
                  + "\"businessScope\":\"软件开发\"},\"materials\":{\"articles-of-association\":\"" + articles + "\"},"
                  + "\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}"
                : "{\"matter\":\"residence-permit\",\"applicant\":\"" + APPLICANT + "\",\"form\":{\"name\":\"林示范\"},"
                  + "\"materials\":{\"domicile-proof\":\"" + domicile + "\"},\"declineReuse\":[\"domicile-proof\"],"
                  + "\"commitments\":[]}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Tongban-Purpose", company ? "company-establishment" : "residence-permit")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void check(HttpResponse<String> answer) {
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("expected 202, got " + answer.statusCode() + ": " + answer.body());
        }
    }

    private String upload(String type) throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"holder\"\r\n\r\n" + APPLICANT + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\n\r\n--b--\r\n";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/materials"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("cannot upload the " + type + ": " + answer.body());
        }
        return id.group(1);
    }

    private double decided() throws IOException, InterruptedException {
        Matcher line = DECIDED.matcher(get("/actuator/prometheus", adminToken));
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private String get(String path, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
