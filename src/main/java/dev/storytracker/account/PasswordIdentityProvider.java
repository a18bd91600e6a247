package dev.storytracker.account;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.storytracker.TrackerConfig;

/**
 * Checks a user name and password (from the sign-in form or HTTP Basic) against the bcrypt hash in the users table,
 * refusing disabled accounts and attempts made while {@link SignInThrottle} holds the user or the client back.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    SignInThrottle throttle;

    @Inject
    TrackerConfig config;

    /**
     * Compared against when the user does not exist, so that the answer takes as long either way (made at the
     * configured cost). Made on the first such attempt, not at start-up, where a bcrypt hash in a cold JVM costs a
     * good part of a second.
     */
    private volatile String dummyHash;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            Duration wait = throttle.waitFor(username, client);
            if (!wait.isZero()) {
                throw new AuthenticationFailedException("too many failed sign-ins; wait " + wait.toSeconds() + " s");
            }
            UserIdentities.Account account = UserIdentities.load(username);
            boolean matches = BcryptUtil.matches(password, account == null ? dummyHash() : account.passwordHash());
            if (account == null || !matches || !account.enabled()) {
                throttle.failed(username, client);
                throw new AuthenticationFailedException("wrong user name or password, or account disabled");
            }
            throttle.succeeded(username, client);
            return UserIdentities.identity(account);
        });
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // Two first attempts at once may both make one; either serves.
            hash = BcryptUtil.bcryptHash("no such user", config.accounts().passwordCost());
            dummyHash = hash;
        }
        return hash;
    }
}
