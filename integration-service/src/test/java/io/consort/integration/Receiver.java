package io.consort.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP receiver in the test JVM (the JDK's HttpServer on a free loopback port): every path is an
 * endpoint of its own that records what it received and answers as the test told it, e.g. 500 for the first
 * two calls and 200 after, or only after a delay.
 */
public final class Receiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    public record Received(String path, Map<String, String> headers, String body, long receivedAtNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** How an endpoint answers its n-th call (1-based): status, delay, body. */
    public record Answer(int status, long delayMillis, String body) {
        public static Answer ok() {
            return new Answer(204, 0, "");
        }

        public static Answer status(int status) {
            return new Answer(status, 0, "");
        }
    }

    private static final Receiver SHARED = start();

    private final HttpServer server;
    private final Map<String, Queue<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, IntFunction<Answer>> behaviour = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    /** The one receiver of the test JVM. */
    public static Receiver shared() {
        return SHARED;
    }

    private static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            Receiver receiver = new Receiver(server);
            server.createContext("/", receiver::handle);
            // One thread per call in progress: a slow endpoint of a test must not hold up the others' answers.
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh endpoint's URL answering 204 to everything. */
    public String endpoint(String name) {
        return endpoint(name, n -> Answer.ok());
    }

    /** A fresh endpoint's URL answering its n-th call with {@code answers.apply(n)}. */
    public String endpoint(String name, IntFunction<Answer> answers) {
        String path = "/" + name + "-" + java.util.UUID.randomUUID();
        behaviour.put(path, answers);
        received.put(path, new ConcurrentLinkedQueue<>());
        calls.put(path, new AtomicInteger());
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request the endpoint of {@code url} received so far (answered or not yet), in arrival order. */
    public List<Received> received(String url) {
        return new ArrayList<>(received.getOrDefault(pathOf(url), new ConcurrentLinkedQueue<>()));
    }

    public int calls(String url) {
        AtomicInteger n = calls.get(pathOf(url));
        return n == null ? 0 : n.get();
    }

    private static String pathOf(String url) {
        return java.net.URI.create(url).getPath();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        received.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>())
                .add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), System.nanoTime()));
        IntFunction<Answer> answers = behaviour.getOrDefault(path, n -> Answer.status(404));
        int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.apply(n);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // The sender gave up (timeout, enough of the body read): nothing to answer to.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
