package dev.storytracker.story;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import dev.storytracker.TrackerConfig;
import dev.storytracker.account.Roles;
import dev.storytracker.web.ForbiddenProblem;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;
import dev.storytracker.web.RateLimiter;

/** The stories API: list with filters, read one, submit, and revise with the private edit token. */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories")
public class StoryResource {

    public static final String EDIT_TOKEN = "X-Edit-Token";

    @Inject
    StoryQueries queries;

    @Inject
    StoryService service;

    @Inject
    SecurityIdentity identity;

    @Inject
    TrackerConfig config;

    @Inject
    RateLimiter rateLimiter;

    @GET
    @Operation(summary = "List stories, newest first", description = "Anonymous callers see accepted stories only; "
            + "signed-in working-group members see every state and may filter by it.")
    public Page<StoryJson.Summary> list(@QueryParam("kind") String kind, @QueryParam("character") String character,
            @QueryParam("theme") String theme, @QueryParam("project") String project,
            @QueryParam("state") String state, @QueryParam("roadmap") String roadmap, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryFilter filter = InvalidInputException.collect(violations,
                () -> StoryFilter.of(kind, character, theme, project, state, roadmap, q));
        Paging paging = InvalidInputException.collect(violations,
                () -> Paging.of(page, size, config.api().defaultPageSize(), config.api().maxPageSize()));
        InvalidInputException.throwIfAny(violations);
        if (!Roles.isWorkingGroup(identity)) {
            if (filter.state().isPresent() && filter.state().get() != StoryState.ACCEPTED) {
                throw new ForbiddenProblem("Only the working group sees stories that are not accepted yet.");
            }
            filter = filter.withState(StoryState.ACCEPTED);
        }
        return queries.list(filter, paging);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One whole story", description = "A story that is not accepted yet is visible to the working "
            + "group and to its writer, who sends the edit token in the X-Edit-Token header.")
    public StoryJson.Detail get(@PathParam("slug") String slug, @HeaderParam(EDIT_TOKEN) String token) {
        StoryQueries.Found found = queries.find(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        boolean visible = found.detail().state() == StoryState.ACCEPTED || Roles.isWorkingGroup(identity)
                || EditTokens.matches(token, found.editTokenHash());
        if (!visible) {
            throw new NotFoundProblem("story", slug);
        }
        return found.detail();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a story", description = "No sign-in needed. The answer carries the private edit "
            + "token; keep it to revise the story until it is accepted.")
    public Response create(@Valid @NotNull(message = "is required") StoryInput input,
            @Context HttpServerRequest request) {
        rateLimiter.acquire(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        String actor = identity.isAnonymous() ? "writer" : identity.getPrincipal().getName();
        StoryJson.Created created = service.create(input, StorySource.API, actor);
        return Response.created(URI.create("/api/stories/" + created.story().slug())).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a story with its edit token", description = "Send the version you started from; a "
            + "stale version answers 409. Accepted, declined and duplicate stories can no longer be revised.")
    public StoryJson.Detail revise(@PathParam("slug") String slug, @HeaderParam(EDIT_TOKEN) String token,
            @Valid @NotNull(message = "is required") StoryInput input) {
        if (token == null || token.isBlank()) {
            throw new ForbiddenProblem("Send the story's edit token in the " + EDIT_TOKEN + " header.");
        }
        return service.revise(slug, token, input);
    }
}
