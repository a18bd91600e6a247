package dev.storytracker.roadmap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.storytracker.story.Story;

/** Small changes to {@link PlannerData}'s data set that the page tests need. */
@ApplicationScoped
public class PageData {

    @Transactional
    public void progress(String item, ProgressMode mode, RoadmapState state, int progress) {
        RoadmapItem found = RoadmapItem.findBySlug(item).orElseThrow();
        found.progressMode = mode;
        found.state = state;
        found.progress = progress;
    }

    @Transactional
    public void owners(String item, String... owners) {
        RoadmapItem found = RoadmapItem.findBySlug(item).orElseThrow();
        found.owners.clear();
        found.owners.addAll(java.util.List.of(owners));
    }

    @Transactional
    public LinkRelation relation(String story, String item) {
        return link(story, item).relation;
    }

    @Transactional
    public String note(String story, String item) {
        return link(story, item).note;
    }

    @Transactional
    public String createdBy(String story, String item) {
        return link(story, item).createdBy;
    }

    @Transactional
    public boolean linked(String story, String item) {
        return StoryLink.between(Story.findBySlug(story).orElseThrow(), RoadmapItem.findBySlug(item).orElseThrow())
                .isPresent();
    }

    private static StoryLink link(String story, String item) {
        return StoryLink.between(Story.findBySlug(story).orElseThrow(), RoadmapItem.findBySlug(item).orElseThrow())
                .orElseThrow();
    }
}
