package dev.storytracker.roadmap;

import java.net.URI;
import java.util.ArrayList;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.TrackerConfig;
import dev.storytracker.account.User;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/** The roadmap as a tree of goals, initiatives and milestones; each item on its own; planners' changes to it. */
@Path("/api/roadmap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roadmap")
public class RoadmapResource {

    @Inject
    RoadmapQueries queries;

    @Inject
    RoadmapService service;

    @Inject
    ItemStoryQueries itemStories;

    @Inject
    SecurityIdentity identity;

    @Inject
    TrackerConfig config;

    @GET
    @Operation(summary = "The whole roadmap tree", description = "Goals at the top, each with its initiatives and "
            + "their milestones; 'stories' counts accepted stories linked directly to the item.")
    public List<RoadmapJson.Node> tree() {
        return queries.tree();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One roadmap item", description = "Its impact statement, ancestors and children. The stories "
            + "linked to it are listed, paginated, by GET /api/roadmap/{slug}/stories.")
    public RoadmapJson.Detail get(@PathParam("slug") String slug) {
        return queries.detail(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({User.PLANNER, User.ADMIN})
    @Operation(summary = "Create a roadmap item (planners)", description = "The slug is taken from the title unless "
            + "given. A parent must be of a higher level: goal above initiative above milestone.")
    public Response create(@Valid @NotNull(message = "is required") RoadmapInput input) {
        RoadmapJson.Detail created = service.create(input, actor());
        return Response.created(URI.create("/api/roadmap/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({User.PLANNER, User.ADMIN})
    @Operation(summary = "Edit, re-parent or change the state of a roadmap item (planners)", description = "Send the "
            + "whole item with the version you started from; a stale version answers 409. Moving an item under itself "
            + "or below itself, or under an item of the same or a lower level, is refused.")
    public RoadmapJson.Detail update(@PathParam("slug") String slug,
            @Valid @NotNull(message = "is required") RoadmapInput input) {
        return service.update(slug, input, actor());
    }

    @GET
    @Path("{slug}/stories")
    @Operation(summary = "The stories behind a roadmap item", description = "Stories linked to the item and, with "
            + "rollup (the default), to every item below it; each story once, with the items it is linked through, "
            + "and counts per character and per theme of all matching stories. Anonymous callers see accepted "
            + "stories only.")
    public PlannerJson.ItemStories stories(@PathParam("slug") String slug, @QueryParam("rollup") String rollup,
            @QueryParam("kind") String kind, @QueryParam("character") String character,
            @QueryParam("theme") String theme, @QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryFilter filter = InvalidInputException.collect(violations,
                () -> StoryFilter.of(kind, character, theme, null, state, null, null));
        Paging paging = InvalidInputException.collect(violations,
                () -> Paging.of(page, size, config.api().defaultPageSize(), config.api().maxPageSize()));
        Boolean withRollup = InvalidInputException.collect(violations, () -> flag("rollup", rollup, true));
        InvalidInputException.throwIfAny(violations);
        RoadmapItem item = RoadmapItem.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        return itemStories.stories(item, withRollup, StoryScope.of(filter, identity), paging);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** A true/false query parameter; anything else is a 400 naming the parameter. */
    static boolean flag(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInputException.of(name, "must be true or false");
        };
    }
}
