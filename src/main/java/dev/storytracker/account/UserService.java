package dev.storytracker.account;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;

/** Managing the working group's accounts, never leaving the tracker without an active admin. */
@ApplicationScoped
public class UserService {

    public static final String USERNAME_RULE = "[a-z0-9][a-z0-9._-]{1,49}";
    public static final int MIN_PASSWORD = 12;
    /** bcrypt reads the first 72 bytes of a password and ignores the rest, so a longer one would be a false promise. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final List<String> ROLES = List.of(User.TRIAGER, User.PLANNER, User.ADMIN);

    /** An account as the admin page lists it; never the hash. */
    public record Account(String username, List<String> roles, boolean enabled) {
    }

    public List<Account> list() {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>list("order by username").stream()
                .map(u -> new Account(u.username, List.of(u.roles.split(",")), u.enabled)).toList());
    }

    public void create(String username, String password, List<String> roles) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches(USERNAME_RULE)) {
            throw InvalidInputException.of("username",
                    "must be 2 to 50 lower-case letters, digits, dots, hyphens or underscores");
        }
        checkPassword(password);
        String roleList = roles(roles);
        QuarkusTransaction.requiringNew().run(() -> {
            if (User.findByUsername(name).isPresent()) {
                throw new ConflictException("Taken", "There is already a user '" + name + "'.");
            }
            User user = new User();
            user.username = name;
            user.setPassword(password);
            user.roles = roleList;
            user.persist();
        });
    }

    public void setRoles(String username, List<String> roles) {
        String roleList = roles(roles);
        QuarkusTransaction.requiringNew().run(() -> {
            User user = find(username);
            if (!roleList.contains(User.ADMIN)) {
                keepAnAdmin(user);
            }
            user.roles = roleList;
        });
    }

    public void resetPassword(String username, String password) {
        checkPassword(password);
        QuarkusTransaction.requiringNew().run(() -> find(username).setPassword(password));
    }

    public void setEnabled(String username, boolean enabled) {
        QuarkusTransaction.requiringNew().run(() -> {
            User user = find(username);
            if (!enabled) {
                keepAnAdmin(user);
            }
            user.enabled = enabled;
        });
    }

    private static User find(String username) {
        return User.findByUsername(username).orElseThrow(() -> new NotFoundProblem("user", username));
    }

    /** Refuses a change that would leave no enabled admin: nobody could manage accounts any more. */
    private static void keepAnAdmin(User changing) {
        long otherAdmins = User.count("enabled = true and roles like ?1 and id <> ?2", "%" + User.ADMIN + "%",
                changing.id);
        if (changing.roles.contains(User.ADMIN) && changing.enabled && otherAdmins == 0) {
            throw new ConflictException("Last admin", "'" + changing.username
                    + "' is the only active admin; make someone else admin first.");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw InvalidInputException.of("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD_BYTES
                    + " characters long (letters outside ASCII count 2 to 4)");
        }
    }

    private static String roles(List<String> roles) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            if (!ROLES.contains(role)) {
                throw InvalidInputException.of("roles", "must be among " + String.join(", ", ROLES));
            }
            chosen.add(role);
        }
        if (chosen.isEmpty()) {
            throw InvalidInputException.of("roles", "choose at least one role");
        }
        return String.join(",", chosen);
    }
}
