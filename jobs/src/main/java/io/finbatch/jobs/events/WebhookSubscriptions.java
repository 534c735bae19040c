package io.finbatch.jobs.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The webhook subscriptions ({@code webhook_subscription}). A secret is returned once, when created. */
@Component
public class WebhookSubscriptions {

    /** A subscription as listed: never with its secret. */
    public record Subscription(long id, String url, List<String> events, boolean active, String description,
            String createdBy, Instant createdAt) {
    }

    /** A new subscription and its secret, shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WebhookSubscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds an active subscription; without a secret, a random one (256 bits) is made. */
    public Created create(String url, List<String> events, String secret, String description, String who) {
        String checkedUrl = checkedUrl(url);
        Set<String> types = checkedEvents(events);
        String key = secret == null || secret.isBlank() ? newSecret() : secret.trim();
        if (key.length() < 16 || key.length() > 200) {
            throw new IllegalArgumentException("the secret needs 16 to 200 characters");
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_subscription (url, events,"
                    + " secret, active, description, created_by, created_at) VALUES (?, ?, ?, TRUE, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, checkedUrl);
            insert.setString(2, String.join(",", types));
            insert.setString(3, key);
            insert.setString(4, description == null || description.isBlank() ? null : cut(description.trim(), 200));
            insert.setString(5, who);
            insert.setTimestamp(6, Timestamp.from(Instant.now(clock)));
            return insert;
        }, id);
        return new Created(find(id.getKey().longValue()), key);
    }

    public List<Subscription> all() {
        return jdbc.query("SELECT id, url, events, active, description, created_by, created_at"
                + " FROM webhook_subscription ORDER BY id", (rs, n) -> new Subscription(rs.getLong(1), rs.getString(2),
                        Arrays.asList(rs.getString(3).split(",")), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()));
    }

    public Subscription find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no webhook subscription " + id));
    }

    /** Active or not; an inactive subscription gets no new events and its pending deliveries wait. */
    public Subscription setActive(long id, boolean active) {
        find(id);
        jdbc.update("UPDATE webhook_subscription SET active = ? WHERE id = ?", active, id);
        return find(id);
    }

    private static String checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("the webhook URL must be an absolute http(s) URL: " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the webhook URL must not carry credentials");
        }
        return uri.toString();
    }

    private static Set<String> checkedEvents(List<String> events) {
        Set<String> types = new LinkedHashSet<>();
        for (String event : events == null ? List.<String>of() : events) {
            for (String part : event.split(",")) {
                String type = part.trim().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                if (!EventTypes.ALL.contains(type)) {
                    throw new IllegalArgumentException("unknown event type " + type + " (known: "
                            + String.join(", ", EventTypes.ALL) + ")");
                }
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one event type");
        }
        return types;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "whsec_" + HexFormat.of().formatHex(random);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
