package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.TrackerConfig;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/**
 * Where the roadmap and the stories do not meet yet, as a page: the first page of each of the three gap lists, and
 * each list on its own address to page through. The gaps are about accepted stories whoever looks.
 */
@Path("/gaps")
@Produces(MediaType.TEXT_HTML)
public class GapsPage {

    @Inject
    GapQueries gaps;

    @Inject
    RoadmapQueries roadmap;

    @Inject
    CatalogQueries catalog;

    @Inject
    TrackerConfig config;

    /** One list of the page with its pager; null lists are not shown. */
    public record Section<T>(Page<T> page, Pager pager) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gaps(Section<PlannerJson.StoryRef> stories, Section<PlannerJson.ItemRef> items,
                Section<PlannerJson.Cell> cells, int threshold, Map<String, String> parents,
                CatalogQueries.Names names, boolean single);
    }

    @GET
    public TemplateInstance all(@QueryParam("threshold") String threshold) {
        int thin = threshold(threshold);
        Paging first = paging(null);
        return render(stories(first), items(first), cells(first, thin), thin, false);
    }

    @GET
    @Path("unaddressed-stories")
    public TemplateInstance unaddressed(@QueryParam("page") String page) {
        return render(stories(paging(page)), null, null, config.gaps().thinThreshold(), true);
    }

    @GET
    @Path("ungrounded-items")
    public TemplateInstance ungrounded(@QueryParam("page") String page) {
        return render(null, items(paging(page)), null, config.gaps().thinThreshold(), true);
    }

    @GET
    @Path("thin-coverage")
    public TemplateInstance thin(@QueryParam("page") String page, @QueryParam("threshold") String threshold) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations, () -> paging(page));
        Integer thin = InvalidInputException.collect(violations, () -> threshold(threshold));
        InvalidInputException.throwIfAny(violations);
        return render(null, null, cells(paging, thin), thin, true);
    }

    private TemplateInstance render(Section<PlannerJson.StoryRef> stories, Section<PlannerJson.ItemRef> items,
            Section<PlannerJson.Cell> cells, int threshold, boolean single) {
        Set<String> parents = new HashSet<>();
        if (items != null) {
            items.page().items().stream().map(PlannerJson.ItemRef::parent).filter(p -> p != null)
                    .forEach(parents::add);
        }
        return Templates.gaps(stories, items, cells, threshold, roadmap.titles(parents), catalog.names(), single);
    }

    private Section<PlannerJson.StoryRef> stories(Paging paging) {
        Page<PlannerJson.StoryRef> page = gaps.unaddressedStories(paging);
        return new Section<>(page, Pager.of(page, "/gaps/unaddressed-stories", Links.params()));
    }

    private Section<PlannerJson.ItemRef> items(Paging paging) {
        Page<PlannerJson.ItemRef> page = gaps.ungroundedItems(paging);
        return new Section<>(page, Pager.of(page, "/gaps/ungrounded-items", Links.params()));
    }

    private Section<PlannerJson.Cell> cells(Paging paging, int threshold) {
        Page<PlannerJson.Cell> page = gaps.thinCoverage(threshold, paging);
        String custom = threshold == config.gaps().thinThreshold() ? null : String.valueOf(threshold);
        return new Section<>(page, Pager.of(page, "/gaps/thin-coverage", Links.params("threshold", custom)));
    }

    private Paging paging(String page) {
        return Paging.of(page, null, config.api().defaultPageSize(), config.api().maxPageSize());
    }

    private int threshold(String text) {
        if (text == null || text.isBlank()) {
            return config.gaps().thinThreshold();
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= GapsResource.MAX_THRESHOLD) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of("threshold", "must be a whole number from 1 to " + GapsResource.MAX_THRESHOLD);
    }
}
