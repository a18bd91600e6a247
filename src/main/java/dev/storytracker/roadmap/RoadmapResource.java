package dev.storytracker.roadmap;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.storytracker.web.NotFoundProblem;

/** The roadmap as a tree of goals, initiatives and milestones, and each item on its own. */
@Path("/api/roadmap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roadmap")
public class RoadmapResource {

    @Inject
    RoadmapQueries queries;

    @GET
    @Operation(summary = "The whole roadmap tree", description = "Goals at the top, each with its initiatives and "
            + "their milestones; 'stories' counts accepted stories linked directly to the item.")
    public List<RoadmapJson.Node> tree() {
        return queries.tree();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One roadmap item", description = "Its impact statement, ancestors and children. The stories "
            + "linked to it are listed, paginated, by GET /api/stories?roadmap={slug}.")
    public RoadmapJson.Detail get(@PathParam("slug") String slug) {
        return queries.detail(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
    }
}
