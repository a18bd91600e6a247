package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.TrackerConfig;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/** The traceability matrix and its list form as JSON; the list form for spreadsheets is {@link TraceCsvResource}. */
@Path("/api/trace")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning")
public class TraceResource {

    @Inject
    TraceQueries queries;

    @Inject
    SecurityIdentity identity;

    @Inject
    TrackerConfig config;

    @GET
    @Operation(summary = "The traceability matrix: roadmap items x characters, themes and kinds", description = "A "
            + "page of items in tree order, each with the number of distinct stories linked to it (and, with rollup, "
            + "the default, to any item below it) per character, theme and kind; zero cells are left out. Anonymous "
            + "callers count accepted stories only; the working group counts every state unless it names one.")
    public PlannerJson.Trace matrix(@QueryParam("rollup") String rollup, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryFilter filter = InvalidInputException.collect(violations,
                () -> StoryFilter.of(null, null, null, null, state, null, null));
        Paging paging = InvalidInputException.collect(violations, () -> paging(page, size));
        Boolean withRollup = InvalidInputException.collect(violations,
                () -> RoadmapResource.flag("rollup", rollup, true));
        InvalidInputException.throwIfAny(violations);
        return queries.matrix(withRollup, StoryScope.of(filter, identity), paging);
    }

    @GET
    @Path("links")
    @Operation(summary = "The list form of the trace: one row per link", description = "By item, then story: the "
            + "item, the story, the relation and its note. The same rows as /api/trace.csv, paginated.")
    public Page<PlannerJson.TraceLink> links(@QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryFilter filter = InvalidInputException.collect(violations,
                () -> StoryFilter.of(null, null, null, null, state, null, null));
        Paging paging = InvalidInputException.collect(violations, () -> paging(page, size));
        InvalidInputException.throwIfAny(violations);
        return queries.links(StoryScope.visible(filter, identity).state(), paging);
    }

    private Paging paging(String page, String size) {
        return Paging.of(page, size, config.api().defaultPageSize(), config.api().maxPageSize());
    }
}
