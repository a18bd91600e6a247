package dev.storytracker.account;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Loads users for the identity providers and turns them into identities with their effective roles. */
final class UserIdentities {

    /** What the providers need of a user, read in its own short transaction. */
    record Account(String username, String passwordHash, String roles, boolean enabled) {
    }

    private UserIdentities() {
    }

    static Account load(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username)
                .map(u -> new Account(u.username, u.passwordHash, u.roles, u.enabled)).orElse(null));
    }

    /** An admin holds every role, so checks for triager or planner let admins through. */
    static Set<String> effectiveRoles(String roles) {
        Set<String> effective = new LinkedHashSet<>();
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(effective::add);
        if (effective.contains(User.ADMIN)) {
            effective.add(User.TRIAGER);
            effective.add(User.PLANNER);
        }
        return effective;
    }

    static SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(effectiveRoles(account.roles()))
                .build();
    }
}
