package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The roadmap overview (goals with their initiatives and milestones) and each item's page with its stories. */
@Path("/roadmap")
@Produces(MediaType.TEXT_HTML)
public class RoadmapPages {

    @Inject
    RoadmapQueries roadmap;

    @Inject
    ItemPage itemPage;

    /**
     * One row of the overview table: an item, how deep it sits, and its accepted stories linked to it directly and
     * reaching it from anything below.
     */
    public record Row(RoadmapJson.Node item, int depth, long reached) {

        public boolean rolledUp() {
            return item.progressMode() == ProgressMode.ROLLUP;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<Row> rows);
    }

    @GET
    public TemplateInstance overview() {
        List<Row> rows = new ArrayList<>();
        flatten(roadmap.tree(), 0, roadmap.reachedCounts(), rows);
        return Templates.overview(rows);
    }

    private static void flatten(List<RoadmapJson.Node> nodes, int depth, Map<String, Long> reached, List<Row> into) {
        for (RoadmapJson.Node node : nodes) {
            into.add(new Row(node, depth, reached.getOrDefault(node.slug(), 0L)));
            flatten(node.children(), depth + 1, reached, into);
        }
    }

    @GET
    @Path("{slug}")
    public Response item(@PathParam("slug") String slug, @QueryParam("by") String by, @QueryParam("page") String page,
            @QueryParam("links") String links, @QueryParam("done") String done) {
        return itemPage.render(slug, by, page, links, done, null);
    }
}
