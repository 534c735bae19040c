package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private final FakeTime time = new FakeTime();

    @Test
    void noLimitNeverWaits() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0, time::nanoTime, time);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void requestsAreSpacedOutEvenly() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(4, time::nanoTime, time);
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }
        // the first at once, then one every 250 ms (the fake sleep moves the clock)
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250),
                Duration.ofMillis(250), Duration.ofMillis(250));
        assertThat(time.nanoTime()).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void neverMoreThanTheRateInAnySecond() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(5, time::nanoTime, time);
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            limiter.acquire();
            sentAt.add(time.nanoTime());
            time.advance(Duration.ofMillis(37)); // the call itself takes a while
        }
        for (int i = 0; i + 5 < sentAt.size(); i++) {
            // the 6th request after any request comes at least one second later
            assertThat(sentAt.get(i + 5) - sentAt.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void aQuietSpellGivesNoBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(2, time::nanoTime, time);
        limiter.acquire();
        limiter.acquire();
        time.advance(Duration.ofSeconds(60));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(500));
    }

    @Test
    void slowerThanOnePerSecond() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0.5, time::nanoTime, time);
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void concurrentCallersEachReserveTheirOwnSlot() throws Exception {
        // the clock stands still: every wait is a reservation further into the future
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        RateLimiter limiter = new RateLimiter(10, () -> 0L, waits::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    limiter.acquire();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Duration> expected = new ArrayList<>();
        for (int i = 1; i <= 39; i++) {
            expected.add(Duration.ofMillis(100L * i));
        }
        // one went at once (no wait recorded), the other 39 got distinct slots 100 ms apart
        assertThat(waits).hasSize(39).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theClientTakesATokenForEveryRequest() {
        try (OdooStub stub = new OdooStub()) {
            for (int i = 0; i < 5; i++) {
                stub.answer(200, "[1]");
            }
            OdooSettings s = TestClients.settings(stub.url(), OdooProtocol.JSON_2, TestClients.API_KEY);
            OdooClient client = TestClients.client(new OdooSettings(s.url(), s.database(), s.login(), s.apiKey(),
                    s.protocol(), s.connectTimeout(), s.readTimeout(), 2, s.maxAttempts(), s.initialBackoff(),
                    s.maxBackoff()), time);
            for (int i = 0; i < 5; i++) {
                client.search("res.partner", List.of(), 1, null);
            }
            assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500),
                    Duration.ofMillis(500), Duration.ofMillis(500));
            assertThat(stub.requestCount()).isEqualTo(5);
        }
    }
}
