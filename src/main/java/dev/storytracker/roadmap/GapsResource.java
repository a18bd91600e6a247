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

import dev.storytracker.TrackerConfig;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/**
 * Where the roadmap and the stories do not meet yet: the overview answers the first page of each list, and each list
 * pages on at its own address.
 */
@Path("/api/gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning")
public class GapsResource {

    static final int MAX_THRESHOLD = 1000;

    @Inject
    GapQueries queries;

    @Inject
    TrackerConfig config;

    @GET
    @Operation(summary = "The three gap lists, first page of each", description = "unaddressedStories: accepted "
            + "stories linked to no roadmap item; ungroundedItems: items with no accepted story linked to them or to "
            + "any item below them; thinCoverage: character x theme cells with fewer accepted stories than the "
            + "threshold (tracker.gaps.thin-threshold unless given). 'size' applies to each list.")
    public PlannerJson.Gaps gaps(@QueryParam("size") String size, @QueryParam("threshold") String threshold) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations, () -> paging(null, size));
        Integer thin = InvalidInputException.collect(violations, () -> threshold(threshold));
        InvalidInputException.throwIfAny(violations);
        return new PlannerJson.Gaps(queries.unaddressedStories(paging), queries.ungroundedItems(paging), thin,
                queries.thinCoverage(thin, paging));
    }

    @GET
    @Path("unaddressed-stories")
    @Operation(summary = "Accepted stories linked to no roadmap item, newest first")
    public Page<PlannerJson.StoryRef> unaddressed(@QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.unaddressedStories(paging(page, size));
    }

    @GET
    @Path("ungrounded-items")
    @Operation(summary = "Roadmap items with no accepted story in their subtree, goals first")
    public Page<PlannerJson.ItemRef> ungrounded(@QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.ungroundedItems(paging(page, size));
    }

    @GET
    @Path("thin-coverage")
    @Operation(summary = "Character x theme cells with fewer accepted stories than the threshold, emptiest first")
    public Page<PlannerJson.Cell> thin(@QueryParam("threshold") String threshold, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations, () -> paging(page, size));
        Integer thin = InvalidInputException.collect(violations, () -> threshold(threshold));
        InvalidInputException.throwIfAny(violations);
        return queries.thinCoverage(thin, paging);
    }

    private Paging paging(String page, String size) {
        return Paging.of(page, size, config.api().defaultPageSize(), config.api().maxPageSize());
    }

    private int threshold(String text) {
        if (text == null || text.isBlank()) {
            return config.gaps().thinThreshold();
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_THRESHOLD) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of("threshold", "must be a whole number from 1 to " + MAX_THRESHOLD);
    }
}
