package dev.storytracker.account;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.config.SmallRyeConfig;

import dev.storytracker.BaseEntity;
import dev.storytracker.TrackerConfig;

/**
 * A working-group member who signs in; roles are a comma-separated subset of triager, planner, admin. Read by
 * {@link PasswordIdentityProvider} and {@link SessionIdentityProvider}.
 */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

    public static final String TRIAGER = "triager";
    public static final String PLANNER = "planner";
    public static final String ADMIN = "admin";

    @Column(nullable = false, unique = true, length = 100)
    public String username;

    /** A bcrypt hash in modular crypt format; the password itself is never stored. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false, length = 100)
    public String roles;

    @Column(nullable = false)
    public boolean enabled = true;

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public void setPassword(String password) {
        passwordHash = hash(password);
    }

    /** A bcrypt hash of the password at the configured cost ({@code tracker.accounts.password-cost}). */
    public static String hash(String password) {
        int cost = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(TrackerConfig.class)
                .accounts().passwordCost();
        return BcryptUtil.bcryptHash(password, cost);
    }
}
