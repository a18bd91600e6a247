package dev.storytracker.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A random key for the sign-in cookie, for as long as this process runs, when none is configured. Quarkus makes one
 * itself in that case, but writes it to the log, where whoever reads the log could use it to forge a sign-in cookie
 * until the next restart; this source answers first (any configured key still wins: its ordinal is the lowest), and
 * {@link SessionKeyWarning} says what a missing key means without showing this one.
 */
public class SessionKeySource implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String NAME = "a random key made at start-up";

    /** 32 random bytes, as Quarkus's own temporary key. Made once per class loader, so every read agrees. */
    private static final String VALUE;

    static {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        VALUE = Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? VALUE : null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
