package dev.storytracker.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.storytracker.TrackerConfig;

/**
 * Creates the first admin when there are no users at all. Without a configured password a random one is generated and
 * printed once, so no installation ever runs with a password known from the source.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    TrackerConfig config;

    void onStart(@Observes @Priority(1000) StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::createAdminIfNoUsers);
        } catch (RuntimeException e) {
            // Another instance sharing the database created it at the same moment.
            LOG.debugf("admin bootstrap skipped: %s", e.getMessage());
        }
    }

    void createAdminIfNoUsers() {
        if (User.count() > 0) {
            return;
        }
        boolean generated = config.admin().password().isEmpty();
        String password = config.admin().password().orElseGet(AdminBootstrap::randomPassword);
        User admin = new User();
        admin.username = config.admin().username();
        admin.roles = User.ADMIN;
        if (password.getBytes(StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
            LOG.warnf("tracker.admin.password is longer than the %d bytes bcrypt reads: only its first %d bytes count "
                    + "(set a shorter one from /admin/users)", UserService.MAX_PASSWORD_BYTES,
                    UserService.MAX_PASSWORD_BYTES);
        }
        admin.setPassword(password);
        admin.persist();
        if (generated) {
            LOG.warnf("Created the first admin '%s' with the generated password %s (shown only this once; sign in and "
                    + "change it, or set tracker.admin.password before the first start)", admin.username, password);
        } else {
            LOG.infof("Created the first admin '%s' with the configured password", admin.username);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
