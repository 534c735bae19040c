package io.finbatch.jobs.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'k'
        assertThat(WebhookSignature.header("k", 1700000000L, "{\"a\":1}"))
                .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmacHex("k", "1700000000.{\"a\":1}"))
                .matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        WebhookProperties p = new WebhookProperties(true, null, Duration.ofSeconds(10), Duration.ofSeconds(60), null,
                null, null, 0, 0);
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoffAfter(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void accountNumbersInFreeTextAreMasked() {
        assertThat(EventText.masked("balance of DE89370400440532013000 does not add up", 200))
                .isEqualTo("balance of DE89**************3000 does not add up");
    }
}
