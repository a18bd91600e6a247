package dev.storytracker.account;

import io.quarkus.security.identity.SecurityIdentity;

/** Who counts as the working group: anyone signed in with a tracker role may see stories that are not public yet. */
public final class Roles {

    private Roles() {
    }

    public static boolean isWorkingGroup(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous()
                && (identity.hasRole(User.TRIAGER) || identity.hasRole(User.PLANNER) || identity.hasRole(User.ADMIN));
    }
}
