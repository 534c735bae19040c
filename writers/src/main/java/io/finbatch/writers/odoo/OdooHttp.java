package io.finbatch.writers.odoo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

/**
 * One HTTP POST to Odoo on the JDK's client, forced to HTTP/1.1 (on plain http the JDK otherwise tries
 * an h2c upgrade that some servers and proxies answer by resetting the stream). Every request first
 * takes a token from the rate limiter. Failures to get an answer become a {@link TransientFailure} that
 * says whether the request can have reached Odoo; any HTTP answer, whatever its status, is returned.
 */
final class OdooHttp {

    /** An HTTP answer: status, the headers we look at, and the body as text. */
    record Answer(int status, String retryAfter, String body) {
    }

    private final HttpClient client;
    private final String baseUrl;
    private final Duration readTimeout;
    private final RateLimiter rateLimiter;

    OdooHttp(OdooSettings settings, RateLimiter rateLimiter) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String url = settings.url().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.readTimeout = settings.readTimeout();
        this.rateLimiter = rateLimiter;
    }

    /**
     * @param path    e.g. {@code /jsonrpc}
     * @param headers besides {@code Content-Type} and {@code Accept}
     * @throws TransientFailure when no answer came
     */
    Answer post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(TransientFailure.Fate.NOT_DELIVERED, null,
                    "interrupted before sending POST " + path, null, e);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(TransientFailure.Fate.NO_ANSWER, null,
                    "interrupted while waiting for Odoo's answer to POST " + path, null, e);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    private TransientFailure failure(String path, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new TransientFailure(TransientFailure.Fate.NOT_DELIVERED, null,
                    "no connection to Odoo for POST " + path + " within the connect timeout", null, e);
        }
        if (neverConnected(e)) {
            return new TransientFailure(TransientFailure.Fate.NOT_DELIVERED, null,
                    "cannot connect to Odoo for POST " + path + ": " + e, null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new TransientFailure(TransientFailure.Fate.NO_ANSWER, null,
                    "no answer from Odoo to POST " + path + " within the read timeout of " + readTimeout, null, e);
        }
        return new TransientFailure(TransientFailure.Fate.NO_ANSWER, null,
                "connection to Odoo lost before its answer to POST " + path + ": " + e, null, e);
    }

    /** The JDK wraps connect failures in varying ways; look down the cause chain. */
    private static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    /** For messages: the Retry-After of an answer as a duration, or null. */
    static Duration retryAfter(Answer answer, Clock clock) {
        return OdooErrorClassifier.parseRetryAfter(answer.retryAfter(), clock);
    }
}
