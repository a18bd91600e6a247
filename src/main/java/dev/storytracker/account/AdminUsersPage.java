package dev.storytracker.account;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;

/** The admin's page for accounts: add a user, set roles, reset a password, disable or enable. */
@Path("/admin/users")
@RolesAllowed("admin")
public class AdminUsersPage {

    @Inject
    UserService users;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserService.Account> accounts, List<String> roles, String done,
                String error, String typedUsername);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("done") String done) {
        return page(200, done, null, null);
    }

    private Response page(int status, String done, String error, String typedUsername) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control",
                "no-store").entity(Templates.users(users.list(), UserService.ROLES, done, error, typedUsername))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form) {
        String username = form.getFirst("username");
        return act(() -> users.create(username, form.getFirst("password"), form.get("roles")),
                "Added " + username + ".", username);
    }

    @POST
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response roles(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        return act(() -> users.setRoles(username, form.get("roles")), "Roles of " + username + " saved.", null);
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response password(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        return act(() -> users.resetPassword(username, form.getFirst("password")),
                "Password of " + username + " reset.", null);
    }

    @POST
    @Path("{username}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response enabled(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        boolean enabled = "true".equals(form.getFirst("enabled"));
        return act(() -> users.setEnabled(username, enabled),
                (enabled ? "Enabled " : "Disabled ") + username + ".", null);
    }

    /** Post/Redirect/Get on success; the page again with the reason (and the typed user name) on refusal. */
    private Response act(Runnable action, String done, String typedUsername) {
        try {
            action.run();
            return Response.seeOther(URI.create(Links.of("/admin/users", Links.params("done", done)))).build();
        } catch (InvalidInputException e) {
            String reason = e.violations().stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("Invalid input");
            return page(400, null, reason, typedUsername);
        } catch (ConflictException e) {
            return page(409, null, e.getMessage(), typedUsername);
        }
    }
}
