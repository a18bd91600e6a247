package dev.storytracker.triage;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.SlugEnum;
import dev.storytracker.catalog.CatalogJson;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/** The working group's dashboard: the queue with bulk actions, and pictures of where the collection stands. */
@Path("/dashboard")
@RolesAllowed({"triager", "planner", "admin"})
public class DashboardPage {

    static final int MAX_BULK = 200;

    @Inject
    DashboardFigures figures;

    @Inject
    TriageQueue queue;

    @Inject
    TriageService triage;

    @Inject
    CatalogQueries catalog;

    @Inject
    SecurityIdentity identity;

    /** The queue filters as chosen, to refill the form and keep them across pages. */
    public record QueueFilters(String state, String assignee, String character, String sort) {
    }

    /** What the last bulk action did. */
    public record Outcome(int done, int skipped, String action) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardFigures.Figures figures, Charts.BarChart states,
                Charts.BarChart weeks, Charts.BarChart age, Charts.HeatMap statusQuo, Charts.HeatMap shinyFuture,
                Page<TriageQueue.Row> queue, Pager pager, QueueFilters filters, List<String> openStates,
                List<TriageQueue.Assignable> assignable, List<CatalogJson> characters, Outcome outcome,
                boolean canTriage);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("state") String state, @QueryParam("assignee") String assignee,
            @QueryParam("character") String character, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("done") Integer done,
            @QueryParam("skipped") Integer skipped, @QueryParam("action") String action) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryState chosen = null;
        if (state != null && !state.isBlank()) {
            chosen = SlugEnum.parse(StoryState.class, state).filter(Workflow.OPEN::contains).orElse(null);
            if (chosen == null) {
                violations.add(new Problem.Violation("state", "must be one of the open states"));
            }
        }
        Paging paging = InvalidInputException.collect(violations, () -> Paging.of(page, null, 50, 200));
        InvalidInputException.throwIfAny(violations);
        boolean newest = "newest".equals(sort);
        Page<TriageQueue.Row> rows = queue.page(new TriageQueue.Filter(chosen, assignee, character, newest), paging);
        QueueFilters filters = new QueueFilters(state, assignee, character, newest ? "newest" : "oldest");
        DashboardFigures.Figures f = figures.figures(Instant.now());
        CatalogQueries.Names names = catalog.names();
        DashboardQueries.Coverage coverage = new DashboardQueries.Coverage(f.coverage().characters(),
                f.coverage().themes(), java.util.Map.of(StoryKind.STATUS_QUO, f.coverage().statusQuo(),
                        StoryKind.SHINY_FUTURE, f.coverage().shinyFuture()));
        return Templates.dashboard(f,
                Charts.horizontal("Stories per state", "How many stories are in each state of the workflow.",
                        DashboardFigures.stateCounts(f.perState())),
                Charts.vertical("Submissions per week", "Stories submitted in each of the last 26 weeks.",
                        f.submissionsPerWeek()),
                Charts.horizontal("Age of the open queue", "How long open stories have waited since submission.",
                        f.queueAge()),
                Charts.heatMap("Status quo coverage", coverage, StoryKind.STATUS_QUO, names),
                Charts.heatMap("Shiny future coverage", coverage, StoryKind.SHINY_FUTURE, names),
                rows, Pager.of(rows, "/dashboard", Links.params("state", state, "assignee", assignee, "character",
                        character, "sort", newest ? "newest" : null)),
                filters, Workflow.OPEN.stream().map(StoryState::slug).toList(), queue.assignable(),
                catalog.list(CatalogQueries.Kind.CHARACTERS),
                done == null ? null : new Outcome(done, skipped == null ? 0 : skipped, action),
                identity.hasRole("triager"));
    }

    /** Applies one action to every selected row; rows that cannot take it (stale, not allowed) are skipped. */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"triager", "admin"})
    public Response bulk(MultivaluedMap<String, String> form) {
        List<String> slugs = form.getOrDefault("story", List.of());
        String action = form.getFirst("action");
        if (slugs.size() > MAX_BULK) {
            throw InvalidInputException.of("story", "select at most " + MAX_BULK + " stories at once");
        }
        if (!"assign".equals(action) && !"in-review".equals(action)) {
            throw InvalidInputException.of("action", "must be assign or in-review");
        }
        String actor = identity.getPrincipal().getName();
        int done = 0;
        int skipped = 0;
        for (String slug : slugs) {
            Integer version = version(form.getFirst("v-" + slug));
            try {
                if ("assign".equals(action)) {
                    triage.assign(slug, new TriageJson.AssignInput(form.getFirst("assignee"), version));
                } else {
                    triage.transition(slug, new TransitionInput("in-review", "moved to review from the dashboard",
                            null, version), actor);
                }
                done++;
            } catch (ConflictException | NotFoundProblem e) {
                skipped++;
            }
        }
        return Response.seeOther(URI.create(Links.of("/dashboard", Links.params("done", String.valueOf(done),
                "skipped", String.valueOf(skipped), "action", action)))).build();
    }

    private static Integer version(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
