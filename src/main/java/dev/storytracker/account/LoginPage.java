package dev.storytracker.account;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sign-in and sign-out for the working group. The form posts to Quarkus form authentication
 * ({@code /j_security_check}), which keeps the sign-in in an encrypted cookie, so any instance can serve the next
 * request.
 */
@Path("/")
public class LoginPage {

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("signed-out") String signedOut) {
        return Response.ok(Templates.login(error != null, signedOut != null)).header("Cache-Control", "no-store")
                .build();
    }

    /** Signing out forgets the sign-in cookie; a POST (with the CSRF token) so no link can sign someone out. */
    @POST
    @Path("logout")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create("/login?signed-out=1")).cookie(gone).build();
    }
}
