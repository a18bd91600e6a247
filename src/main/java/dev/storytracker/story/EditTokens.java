package dev.storytracker.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import dev.storytracker.ingest.CorpusReader;

/** The writer's private edit token: 256 random bits handed out once; only its SHA-256 is kept. */
public final class EditTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EditTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return CorpusReader.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, so the time taken does not tell how much of a guess was right. */
    public static boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null || token.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
