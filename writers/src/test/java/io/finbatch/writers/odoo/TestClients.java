package io.finbatch.writers.odoo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Settings and clients for tests: database {@code finance}, login {@code admin}, fake time. */
final class TestClients {

    static final String API_KEY = "0123456789abcdef0123456789abcdef01234567";

    private TestClients() {
    }

    static OdooSettings settings(URI url, OdooProtocol protocol, String apiKey) {
        return new OdooSettings(url, "finance", "admin", apiKey, protocol, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 0, 3, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    static OdooClient client(OdooSettings settings, FakeTime time) {
        return OdooClients.create(settings, Map.of(), time.environment(0.5));
    }

    static OdooClient client(OdooStub stub, OdooProtocol protocol, FakeTime time) {
        return client(settings(stub.url(), protocol, API_KEY), time);
    }
}
