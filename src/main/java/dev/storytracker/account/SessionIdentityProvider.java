package dev.storytracker.account;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Restores a signed-in user from the sign-in cookie on each request, with the roles they have now: disabling an
 * account or changing its roles takes effect on the next request, not when the cookie expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            UserIdentities.Account account = UserIdentities.load(request.getPrincipal());
            if (account == null || !account.enabled()) {
                throw new AuthenticationFailedException("the account no longer exists or is disabled");
            }
            return UserIdentities.identity(account);
        }).onFailure(AuthenticationFailedException.class).invoke(() -> forget(http));
    }

    /**
     * The refused request is redirected to /login; without this the browser would send the same cookie there and be
     * redirected again, in a loop, until the cookie expired.
     */
    private void forget(RoutingContext http) {
        if (http != null && !http.response().headWritten()) {
            http.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX));
        }
    }
}
