import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partner 360's client side, JDK only: CLIENTS callers each send a round of GETs at once (all the URLs given)
 * and wait for every answer before the next round, for SECONDS. Given the six section URLs straight at their
 * services, a round is the raw fan-out the 360 stands for; given the one 360 URL, a round is the 360. Prints rounds/s,
 * p50/p90/p99 of a round in ms and the statuses seen (a 360 with a section cut off by its deadline
 * counts as "200 incomplete").
 *   java Fanout.java SECONDS CLIENTS TOKEN URL...
 */
public class Fanout {
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String token = args[2];
        List<URI> urls = Arrays.stream(args, 3, args.length).map(URI::create).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> rounds = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    List<CompletableFuture<HttpResponse<byte[]>>> calls = urls.stream().map(u -> http.sendAsync(
                            HttpRequest.newBuilder(u).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofByteArray())).toList();
                    for (var call : calls) {
                        String status;
                        try {
                            HttpResponse<byte[]> answer = call.join();
                            // A 360 some of whose sections were cut off by its deadline is still a 200: told apart.
                            status = answer.statusCode() + (new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)
                                    .contains("\"complete\":false") ? " incomplete" : "");
                        } catch (RuntimeException e) {
                            status = "failed";
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    rounds.add(System.nanoTime() - started);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = rounds.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%.1f %.1f %.1f %.1f %s%n", sorted.length / (double) seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
