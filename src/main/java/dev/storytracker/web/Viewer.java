package dev.storytracker.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.account.Roles;
import dev.storytracker.account.User;

/** Who is looking at a page, for templates ({@code inject:viewer}): the navigation and what the page may reveal. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

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
}
