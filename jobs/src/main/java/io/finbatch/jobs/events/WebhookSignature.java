package io.finbatch.jobs.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature of a delivery: {@code X-FinBatch-Signature: t=<unix seconds>,v1=<hex>} where {@code v1} is
 * HMAC-SHA256, keyed with the subscription's secret, over {@code t + "." + body}. The timestamp is signed too, so a
 * receiver that refuses old timestamps cannot be fed a replayed request.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-FinBatch-Signature";
    public static final String EVENT_ID_HEADER = "X-FinBatch-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-FinBatch-Event-Type";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    public static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
