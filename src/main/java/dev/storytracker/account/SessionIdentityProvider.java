package dev.storytracker.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Restores a signed-in user from the sign-in cookie on each request, with the roles they have now: disabling an
 * account or changing its roles takes effect on the next request, not when the cookie expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UserIdentities.Account account = UserIdentities.load(request.getPrincipal());
            if (account == null || !account.enabled()) {
                throw new AuthenticationFailedException("the account no longer exists or is disabled");
            }
            return UserIdentities.identity(account);
        });
    }
}
