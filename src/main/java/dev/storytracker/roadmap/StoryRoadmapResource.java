package dev.storytracker.roadmap;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.account.Roles;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.NotFoundProblem;

/**
 * A story's place in the roadmap. Lives in the roadmap package, beside the stories resource rather than in it, because
 * it answers a planner's question.
 */
@Path("/api/stories/{slug}/roadmap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning")
public class StoryRoadmapResource {

    @Inject
    StoryItemQueries queries;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The roadmap items a story is linked to, with their ancestors", description = "A story has "
            + "at most 100 links, so the list is answered whole. The working group also sees who made each link and "
            + "when; a story that is not accepted is visible to the working group only.")
    public PlannerJson.StoryRoadmap roadmap(@PathParam("slug") String slug) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        boolean workingGroup = Roles.isWorkingGroup(identity);
        if (story.state != StoryState.ACCEPTED && !workingGroup) {
            throw new NotFoundProblem("story", slug);
        }
        return queries.itemsOf(story, workingGroup);
    }
}
