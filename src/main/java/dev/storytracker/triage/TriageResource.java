package dev.storytracker.triage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.story.Story;
import dev.storytracker.story.StoryJson;
import dev.storytracker.web.NotFoundProblem;

/** The triage API: move a story, assign it, comment on it, read its history, find likely duplicates. */
@Path("/api/stories/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage")
public class TriageResource {

    @Inject
    TriageService service;

    @Inject
    DuplicateHints hints;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"triager", "admin"})
    @Operation(summary = "Move a story to another state", description = "Send the state to go to, a note, the "
            + "version you saw and, for 'duplicate', the slug it duplicates. A transition the workflow does not allow "
            + "answers 409 listing the allowed ones; a stale version answers 409.")
    public StoryJson.Detail transition(@PathParam("slug") String slug,
            @Valid @NotNull(message = "is required") TransitionInput input) {
        return service.transition(slug, input, identity.getPrincipal().getName());
    }

    @PUT
    @Path("assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"triager", "admin"})
    @Operation(summary = "Assign a story to a triager (or to nobody)")
    public StoryJson.Detail assign(@PathParam("slug") String slug,
            @Valid @NotNull(message = "is required") TriageJson.AssignInput input) {
        return service.assign(slug, input);
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"triager", "planner", "admin"})
    @Operation(summary = "Comment on a story", description = "Markdown. With toWriter the comment is a request shown "
            + "on the writer's private edit page.")
    public Response comment(@PathParam("slug") String slug,
            @Valid @NotNull(message = "is required") TriageJson.CommentInput input) {
        return Response.status(201).entity(service.comment(slug, input, identity.getPrincipal().getName())).build();
    }

    @GET
    @Path("history")
    @RolesAllowed({"triager", "planner", "admin"})
    @Operation(summary = "Transitions and comments, in the order they happened")
    public List<TriageJson.HistoryEntry> history(@PathParam("slug") String slug) {
        return service.history(slug);
    }

    @GET
    @Path("similar")
    @RolesAllowed({"triager", "planner", "admin"})
    @Operation(summary = "The stories most like this one, to spot duplicates")
    public List<DuplicateHints.Hint> similar(@PathParam("slug") String slug) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        return hints.similar(story, 5);
    }
}
