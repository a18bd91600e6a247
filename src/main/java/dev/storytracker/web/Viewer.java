package dev.storytracker.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import dev.storytracker.account.Roles;
import dev.storytracker.account.User;

/** Who is looking at a page, for templates ({@code inject:viewer}): the navigation and what the page may reveal. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext request;

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

    /**
     * Whether this request has a CSRF token for the page's forms. It has none when the request was refused before the
     * CSRF filter ran (a signed-in user posting to a form that needs another role), and the error page then leaves
     * the sign-out form out instead of failing.
     */
    public boolean isCsrfReady() {
        // quarkus-rest-csrf keeps the token for templates (inject:csrf.token) in this attribute.
        return request.get("csrf_token") != null;
    }

    public boolean isAdmin() {
        return identity.hasRole(User.ADMIN);
    }
}
