package dev.storytracker.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.account.Roles;
import dev.storytracker.account.User;

/** Who is looking at a page, for templates ({@code inject:viewer}): the navigation and what the page may reveal. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokenParameterProvider csrf;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isWorkingGroup() {
        return Roles.isWorkingGroup(identity);
    }

    public boolean isPlanner() {
        return identity.hasRole(User.PLANNER) || identity.hasRole(User.ADMIN);
    }

    public boolean isAdmin() {
        return identity.hasRole(User.ADMIN);
    }

    /**
     * The CSRF token for the sign-out form, or null when the request was answered before the CSRF filter ran (a 403
     * for a missing role, a 404 for an unknown address): such error pages then show who is signed in without the
     * form, instead of failing to render.
     */
    public String getSignOutToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
