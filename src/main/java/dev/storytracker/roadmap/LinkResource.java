package dev.storytracker.roadmap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.Slugs;
import dev.storytracker.account.User;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Problem;

/** Planners link stories to roadmap items, with a relation and a one-line reason, and remove links again. */
@Path("/api/links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({User.PLANNER, User.ADMIN})
@Tag(name = "Planning")
public class LinkResource {

    @Inject
    LinkService service;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a story to a roadmap item, or change the link", description = "Idempotent: 201 when "
            + "the link is new, 200 when it existed (sending it again changes nothing). The relation defaults to "
            + "motivates. A link changed here is no longer one from a file: imports leave it alone.")
    public Response put(@Valid @NotNull(message = "is required") LinkInput input) {
        LinkService.Put put = service.put(input, identity.getPrincipal().getName());
        if (put.created()) {
            return Response.created(URI.create("/api/stories/" + put.link().story() + "/roadmap"))
                    .entity(put.link()).build();
        }
        return Response.ok(put.link()).build();
    }

    @DELETE
    @Operation(summary = "Remove the link between a story and a roadmap item", description = "204 whether or not "
            + "there was a link; 404 when the story or the item does not exist. A link from a file comes back only "
            + "when that file changes and is imported again: to remove it for good, edit the file.")
    public Response delete(@QueryParam("story") String story, @QueryParam("item") String item) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!Slugs.isValid(story)) {
            violations.add(new Problem.Violation("story", "is required and " + Slugs.RULE));
        }
        if (!Slugs.isValid(item)) {
            violations.add(new Problem.Violation("item", "is required and " + Slugs.RULE));
        }
        InvalidInputException.throwIfAny(violations);
        service.delete(story, item);
        return Response.noContent().build();
    }
}
