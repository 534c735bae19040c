package io.finbatch.jobs.events;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on the loopback interface, as a careful customer would write one: it checks the signature
 * (HMAC-SHA256 over {@code t + "." + body}) and de-duplicates by event id. It can answer 500 to the first attempts of
 * every event, or stay down (503).
 */
final class TestReceiver implements AutoCloseable {

    record Request(String eventId, String type, String body, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByEvent = new ConcurrentHashMap<>();
    /** Event id → body, of the events accepted (each accepted once, however often it arrives). */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private volatile int failFirst;
    private volatile boolean down;

    TestReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("X-FinBatch-Event-Id");
            String type = exchange.getRequestHeaders().getFirst("X-FinBatch-Event-Type");
            boolean valid = verify(exchange.getRequestHeaders().getFirst("X-FinBatch-Signature"), body);
            int attempt = attemptsByEvent.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
            int status = !valid ? 401 : down ? 503 : attempt <= failFirst ? 500 : 204;
            if (status == 204) {
                accepted.putIfAbsent(eventId, body);
            }
            requests.add(new Request(eventId, type, body, valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failFirstAttempts(int n) {
        failFirst = n;
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Request> requests() {
        return requests;
    }

    Map<String, String> accepted() {
        return accepted;
    }

    long requestsFor(String eventId) {
        return requests.stream().filter(r -> eventId.equals(r.eventId())).count();
    }

    private boolean verify(String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1))
                    && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
