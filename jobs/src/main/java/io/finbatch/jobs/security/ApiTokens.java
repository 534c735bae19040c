package io.finbatch.jobs.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API tokens of machine clients, known by their SHA-256 only. A presented token is hashed and compared
 * with every configured hash in constant time, so neither a match nor its position leaks through timing.
 */
public final class ApiTokens {

    /** A configured token: its name (the audit log's actor is {@code token:NAME}) and roles. */
    public record Known(String name, byte[] sha256, List<String> roles) {
    }

    private static final String PREFIX = "fbt_";
    private final List<Known> tokens;

    ApiTokens(List<FinBatchSecurityProperties.Token> configured) {
        List<Known> known = new ArrayList<>();
        for (FinBatchSecurityProperties.Token token : configured) {
            String hash = token.sha256() == null ? "" : token.sha256().trim().toLowerCase(Locale.ROOT);
            if (token.name() == null || token.name().isBlank() || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("finbatch.security.tokens: token '" + token.name()
                        + "' needs a name and the sha256 of the token (64 hex digits; 'finance-batch token NAME'"
                        + " makes a token and its hash)");
            }
            known.add(new Known(token.name(), HexFormat.of().parseHex(hash),
                    Roles.checked("tokens", token.name(), token.roles())));
        }
        this.tokens = List.copyOf(known);
    }

    public List<Known> all() {
        return tokens;
    }

    public Optional<Known> match(String presented) {
        byte[] hash = sha256(presented);
        Known found = null;
        for (Known token : tokens) {
            if (MessageDigest.isEqual(hash, token.sha256()) && found == null) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token (256 bits) for a machine client. */
    public static String newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return PREFIX + HexFormat.of().formatHex(random);
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
