package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryText;

/**
 * Places the roadmap pages that the overview table does not list: under the placed page that links to them (the
 * highest such page first), else under their folder's page ({@code roadmap/a/b.md} under {@code roadmap/a.md}), one
 * level below it. A page below a milestone goes beside it, since milestones are the last level. Pages that find no
 * place are left out and reported.
 */
final class RoadmapPlacement {

    private final RoadmapBuilder builder;
    private final Map<String, PageText> pages;
    private final Map<String, RoadmapDraft> byPage;

    RoadmapPlacement(RoadmapBuilder builder, Map<String, PageText> pages, Map<String, RoadmapDraft> byPage) {
        this.builder = builder;
        this.pages = pages;
        this.byPage = byPage;
    }

    void place(List<RoadmapDraft> drafts) {
        Map<String, Set<String>> linksTo = new java.util.HashMap<>();
        for (PageText page : pages.values()) {
            Set<String> targets = new HashSet<>();
            for (LinkScanner.Found link : LinkScanner.scan(page.linkable())) {
                StoryTargets.pagePath(page.path(), link.destination()).ifPresent(targets::add);
            }
            linksTo.put(page.path(), targets);
        }
        List<String> unplaced = new ArrayList<>(pages.keySet().stream().filter(p -> !byPage.containsKey(p))
                .sorted().toList());
        boolean progress = true;
        while (progress && !unplaced.isEmpty()) {
            progress = false;
            for (String path : List.copyOf(unplaced)) {
                RoadmapDraft linker = byPage.values().stream()
                        .filter(d -> d.page != null && linksTo.get(d.page.path()).contains(path))
                        .min(Comparator.comparingInt((RoadmapDraft d) -> d.level.ordinal())
                                .thenComparing(d -> d.page.path()))
                        .orElse(null);
                RoadmapDraft folder = byPage.get(StoryTargets.folderOf(path) + ".md");
                RoadmapDraft parent = linker != null ? linker : folder;
                if (parent == null) {
                    continue;
                }
                drafts.add(draft(pages.get(path), parent,
                        linker != null ? "the page that links to it" : "its folder's page"));
                unplaced.remove(path);
                progress = true;
            }
        }
    }

    private RoadmapDraft draft(PageText page, RoadmapDraft parent, String why) {
        RoadmapDraft draft = new RoadmapDraft();
        String cleaned = page.title() == null ? "" : Titles.clean(page.title());
        String title = cleaned.isEmpty() ? Titles.fromFileName(CatalogPages.stemOf(page.path())) : cleaned;
        draft.title = StoryText.cut(title, RoadmapItem.MAX_TITLE);
        if (parent.level == RoadmapLevel.MILESTONE) {
            draft.parent = parent.parent;
            draft.level = RoadmapLevel.MILESTONE;
            draft.notes.add("below the milestone '" + parent.slug + "', which cannot have children: placed beside it");
        } else {
            draft.parent = parent;
            draft.level = parent.level == RoadmapLevel.GOAL ? RoadmapLevel.INITIATIVE : RoadmapLevel.MILESTONE;
        }
        draft.page = page;
        draft.path = page.path();
        draft.slug = builder.claim(builder.pageSlug(page.path()), draft);
        draft.notes.add("not in the overview table: placed under '" + parent.slug + "' (" + why
                + ") with the default state, help-wanted");
        byPage.put(page.path(), draft);
        return draft;
    }
}
