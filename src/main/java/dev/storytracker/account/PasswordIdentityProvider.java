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

/**
 * Checks a user name and password (from the sign-in form or HTTP Basic) against the bcrypt hash in the users table,
 * refusing disabled accounts and attempts made while {@link SignInThrottle} holds the user or the client back.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /**
     * Compared against when the user does not exist, so that the answer takes as long either way (so at the configured
     * cost too). Made on the first such attempt, not at start-up, where a bcrypt hash in a cold JVM costs a good part
     * of a second.
     */
    private static final class Dummy {
        static final String HASH = User.hash("no such user");
    }

    @Inject
    SignInThrottle throttle;

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
            boolean matches = BcryptUtil.matches(password, account == null ? Dummy.HASH : account.passwordHash());
            if (account == null || !matches || !account.enabled()) {
                throttle.failed(username, client);
                throw new AuthenticationFailedException("wrong user name or password, or account disabled");
            }
            throttle.succeeded(username, client);
            return UserIdentities.identity(account);
        });
    }
}
