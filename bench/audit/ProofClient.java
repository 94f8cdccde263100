import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * The proofs of bench/audit.sh, timed from a process of its own. AuditBench runs inside the bus's JVM (it calls the
 * bus's recording point for its appends), so proof requests made there shared the bus's heap, collections and
 * threads; it starts this client on the same classpath once the tree is complete, and the client's work and garbage
 * are its own (the machine's two cores stay shared). Random indexes and sizes over the whole tree, one request at a
 * time, {@code warmup} unrecorded and then {@code proofs} of each kind, and checkpoint reads as a baseline; every proof
 * verified (RFC 9162) against the roots in its answer, and an inclusion proof's leaf hash checked against the one the
 * log gives for that entry (asked after the timed request, untimed).
 *
 * <p>Usage: {@code java -cp <the bus's classpath> ProofClient.java base=http://127.0.0.1:8080/api/v1/audit
 * token-file=<auditor token> size=<tree size> hash=SHA-256 warmup=500 proofs=2000}; exits 2 when a request failed.
 */
public class ProofClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String authorization;
    private final MerkleHash hash;

    private ProofClient(String base, String authorization, MerkleHash hash) {
        this.base = base;
        this.authorization = authorization;
        this.hash = hash;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long size = Long.parseLong(options.get("size"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        int proofs = Integer.parseInt(options.getOrDefault("proofs", "2000"));
        ProofClient client = new ProofClient(options.get("base"),
                "Bearer " + Files.readString(Path.of(options.get("token-file"))).strip(),
                MerkleHash.fromName(options.getOrDefault("hash", "SHA-256")));

        List<String[]> rows = new ArrayList<>();
        Map<String, Map<String, Long>> errors = new TreeMap<>();
        for (String kind : new String[] {"inclusion", "consistency", "checkpoint"}) {
            client.run(kind, size, warmup, new Histogram(60_000_000L, 3), new TreeMap<>());
            Histogram latencies = new Histogram(60_000_000L, 3);
            Map<String, Long> failed = new TreeMap<>();
            long start = System.nanoTime();
            client.run(kind, size, proofs, latencies, failed);
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {kind, Long.toString(latencies.getTotalCount()),
                    Long.toString(failed.values().stream().mapToLong(Long::longValue).sum()),
                    String.format("%.0f", latencies.getTotalCount() / seconds), ms(latencies.getValueAtPercentile(50)),
                    ms(latencies.getValueAtPercentile(90)), ms(latencies.getValueAtPercentile(99)),
                    ms(latencies.getMaxValue())});
            errors.put(kind, failed);
        }
        System.out.println();
        System.out.println("proofs over HTTP, random indexes and sizes in a tree of " + size + " entries, one request at a"
                + " time, from a client in a JVM of its own");
        String[] header = {"request", "requests", "errors", "req/s", "p50", "p90", "p99", "max"};
        System.out.printf("%-11s %8s %6s %5s %5s %5s %5s %5s%n", (Object[]) header);
        for (String[] row : rows) {
            System.out.printf("%-11s %8s %6s %5s %5s %5s %5s %5s%n", (Object[]) row);
        }
        System.out.println("latencies in ms, from sending the request to having the whole answer (the inclusion check's"
                + " entry request afterwards not counted); each request is itself logged (one durable append included);"
                + " checkpoint = GET /api/v1/audit/checkpoint, one row read: the cost of any API request here");
        errors.forEach((kind, failed) -> failed.forEach((problem, count) ->
                System.out.printf("errors in %s proofs: %d x %s%n", kind, count, problem)));
        System.exit(errors.values().stream().allMatch(Map::isEmpty) ? 0 : 2);
    }

    private void run(String kind, long size, int count, Histogram latencies, Map<String, Long> errors)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            long to = 2 + random.nextLong(size - 1); // the tree size: 2..size
            long from = kind.equals("inclusion") ? random.nextLong(to) : 1 + random.nextLong(to - 1); // index, or 1..to-1
            String uri = switch (kind) {
                case "inclusion" -> base + "/proofs/inclusion?index=" + from + "&size=" + to;
                case "consistency" -> base + "/proofs/consistency?from=" + from + "&to=" + to;
                default -> base + "/checkpoint";
            };
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = get(uri);
            } catch (IOException e) {
                errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                continue;
            } finally {
                latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            }
            String problem;
            try {
                JsonNode answer = response.statusCode() == 200 ? json.readTree(response.body()) : null;
                problem = answer == null ? "HTTP " + response.statusCode() : switch (kind) {
                    case "inclusion" -> checkInclusion(from, to, answer);
                    case "consistency" -> checkConsistency(from, to, answer);
                    default -> answer.path("size").asLong() >= size ? null : "checkpoint smaller than the tree";
                };
            } catch (IOException e) {
                problem = "unreadable answer: " + e.getClass().getSimpleName();
            }
            if (problem != null) {
                errors.merge(problem, 1L, Long::sum);
            }
        }
    }

    private String checkInclusion(long index, long size, JsonNode answer) throws IOException, InterruptedException {
        if (answer.path("index").asLong() != index || answer.path("size").asLong() != size) {
            return "inclusion answer for another index or size";
        }
        byte[] leaf = b64(answer.path("leafHash"));
        HttpResponse<String> entry = get(base + "/entries/" + index);
        if (entry.statusCode() != 200 || !Arrays.equals(leaf, b64(json.readTree(entry.body()).path("leafHash")))) {
            return "inclusion leaf hash is not the entry's";
        }
        return MerkleProofs.verifyInclusion(hash, index, size, leaf, hashes(answer.path("proof")),
                b64(answer.path("rootHash"))) ? null : "inclusion proof does not verify";
    }

    private String checkConsistency(long from, long to, JsonNode answer) {
        if (answer.path("from").asLong() != from || answer.path("to").asLong() != to) {
            return "consistency answer for other sizes";
        }
        return MerkleProofs.verifyConsistency(hash, from, to, hashes(answer.path("proof")), b64(answer.path("fromRoot")),
                b64(answer.path("toRoot"))) ? null : "consistency proof does not verify";
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(b64(node)));
        return hashes;
    }

    private static String ms(long micros) {
        return String.format(micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
    }
}
