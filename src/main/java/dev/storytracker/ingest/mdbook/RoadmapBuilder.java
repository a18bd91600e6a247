package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.Slugs;
import dev.storytracker.ingest.CorpusFile;
import dev.storytracker.ingest.FileType;
import dev.storytracker.ingest.ImportReport.FileResult;
import dev.storytracker.ingest.Outcome;
import dev.storytracker.ingest.ReadFile;
import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryText;

/**
 * Builds the roadmap of a book: items from the overview table's rows, each enriched by its page under
 * {@code roadmap/} (title, {@code ## Impact}); pages the table does not list placed under the page that links to them
 * or their folder's page; and every story link in the pages' prose as a {@code motivates} link whose note is the
 * sentence the link stands in.
 */
final class RoadmapBuilder {

    private final PageText table;
    private final Map<String, PageText> pages = new LinkedHashMap<>();
    private final StoryTargets stories;
    private final List<RoadmapDraft> drafts = new ArrayList<>();
    private final Set<String> slugs = new HashSet<>();
    private final List<String> tableNotes = new ArrayList<>();
    /** Story slug to its links, in the order found. */
    final Map<String, List<CorpusFile.Link>> storyLinks = new LinkedHashMap<>();

    RoadmapBuilder(PageText table, List<PageText> roadmapPages, StoryTargets stories) {
        this.table = table;
        roadmapPages.forEach(p -> pages.put(p.path(), p));
        this.stories = stories;
    }

    List<ReadFile> build() {
        Map<String, RoadmapDraft> byPage = new HashMap<>();
        if (table != null) {
            fromTable(byPage);
        }
        new RoadmapPlacement(this, pages, byPage).place(drafts);
        for (RoadmapDraft draft : drafts) {
            if (draft.page != null) {
                impact(draft);
                links(draft);
            }
        }
        List<ReadFile> read = new ArrayList<>();
        if (table != null) {
            read.add(new ReadFile(null, new FileResult(table.path(), Outcome.SKIPPED,
                    "the overview table, read into the roadmap items of its rows", 0), tableNotes));
        }
        for (RoadmapDraft draft : drafts) {
            read.add(ReadFile.parsed(record(draft), draft.notes));
        }
        pages.values().stream().filter(p -> !byPage.containsKey(p.path()))
                .forEach(p -> read.add(ReadFile.skipped(p.path(),
                        "not in the overview table, and no roadmap page links to it or heads its folder")));
        return read;
    }

    private void fromTable(Map<String, RoadmapDraft> byPage) {
        RoadmapDraft goal = null;
        RoadmapDraft initiative = null;
        for (RoadmapTable.Row row : RoadmapTable.parse(table)) {
            if (row.destination() == null && row.label() == null && row.title().equalsIgnoreCase("tbd")) {
                tableNotes.add("placeholder row 'tbd'" + (goal == null ? "" : " under '" + goal.title + "'")
                        + " skipped");
                continue;
            }
            RoadmapDraft draft = new RoadmapDraft();
            draft.title = StoryText.cut(row.title(), RoadmapItem.MAX_TITLE);
            draft.level = row.level();
            draft.parent = row.level() == RoadmapLevel.GOAL ? null
                    : row.level() == RoadmapLevel.MILESTONE && initiative != null ? initiative : goal;
            if (draft.level != RoadmapLevel.GOAL && draft.parent == null) {
                draft.level = RoadmapLevel.GOAL;
                draft.notes.add("an initiative row before any goal row: imported as a goal");
            }
            cells(draft, row);
            if (!target(draft, row, byPage)) {
                continue;
            }
            drafts.add(draft);
            if (draft.level == RoadmapLevel.GOAL) {
                goal = draft;
                initiative = null;
            } else if (draft.level == RoadmapLevel.INITIATIVE) {
                initiative = draft;
            }
        }
    }

    private void cells(RoadmapDraft draft, RoadmapTable.Row row) {
        var state = RoadmapTable.state(row.state());
        if (state.isPresent()) {
            draft.state = state.get();
        } else {
            draft.notes.add((row.state().isBlank() ? "no state emoji" : "unknown state emoji '" + row.state() + "'")
                    + "; imported as help-wanted");
        }
        var progress = RoadmapTable.progress(row.progress());
        if (progress.isPresent()) {
            draft.progress = progress.getAsInt();
        } else if (!row.progress().isBlank()) {
            draft.notes.add("progress '" + row.progress() + "' is not a bar of ▰ and ▱; left at the default");
        }
        draft.owners.addAll(row.owners());
    }

    /** Finds the row's page or landing page and gives the draft its slug; false when the row must be skipped. */
    private boolean target(RoadmapDraft draft, RoadmapTable.Row row, Map<String, RoadmapDraft> byPage) {
        if (row.label() != null && row.destination() == null) {
            draft.notes.add("the reference [" + row.label() + "] has no definition in " + table.path());
        }
        String destination = row.destination();
        if (destination != null && destination.matches("(?i)^https?://.*")) {
            draft.landing = destination.length() <= RoadmapItem.MAX_URL ? destination : null;
        } else if (destination != null) {
            String path = StoryTargets.pagePath(table.path(), destination).orElse("");
            PageText page = pages.get(path);
            if (page == null) {
                draft.notes.add("links to " + destination + ", which is not in the book");
            } else if (byPage.containsKey(path)) {
                tableNotes.add("the row '" + row.title() + "' repeats " + path + "; skipped");
                return false;
            } else {
                draft.page = page;
                draft.path = page.path();
                draft.slug = claim(pageSlug(path), draft);
                byPage.put(path, draft);
                return true;
            }
        } else if (row.label() == null) {
            draft.notes.add("the row has no link: no page and no landing page");
        }
        draft.slug = claim(Slugs.fromText(row.title(), Slugs.MAX_LENGTH, "item"), draft);
        draft.path = table.path() + "#" + draft.slug;
        return true;
    }

    /** A free slug: the wanted one, else prefixed by the parent's, else numbered. */
    String claim(String wanted, RoadmapDraft draft) {
        String slug = wanted;
        if (slugs.contains(slug) && draft.parent != null) {
            slug = Slugs.fromText(draft.parent.slug + "-" + wanted, Slugs.MAX_LENGTH, wanted);
        }
        for (int n = 2; slugs.contains(slug); n++) {
            slug = Slugs.fromText(wanted, Slugs.MAX_LENGTH - 4, wanted) + "-" + n;
        }
        slugs.add(slug);
        return slug;
    }

    /** A page's slug is its file name, or its path under roadmap/ when two pages share a file name. */
    String pageSlug(String path) {
        String key = StoryTargets.nameKey(path);
        long same = pages.keySet().stream().filter(p -> StoryTargets.nameKey(p).equals(key)).count();
        if (same <= 1) {
            return key;
        }
        int at = path.toLowerCase(java.util.Locale.ROOT).indexOf("roadmap/");
        String under = at < 0 ? path : path.substring(at + "roadmap/".length());
        return Slugs.fromText(under.replaceAll("\\.md$", ""), Slugs.MAX_LENGTH, key);
    }

    private void impact(RoadmapDraft draft) {
        Optional<String> impact = Markdown.section(draft.page.text(),
                h -> Titles.stripLeadingSymbols(h).toLowerCase(java.util.Locale.ROOT).startsWith("impact"));
        if (impact.isEmpty()) {
            draft.notes.add("no '## Impact' section; the impact statement is empty");
            return;
        }
        String text = draft.page.defs().attachUsed(impact.get());
        if (text.length() > RoadmapItem.MAX_IMPACT) {
            draft.notes.add("the impact statement is cut to " + RoadmapItem.MAX_IMPACT + " characters");
            text = text.substring(0, RoadmapItem.MAX_IMPACT);
        }
        draft.impact = text;
    }

    private void links(RoadmapDraft draft) {
        Set<String> seen = new HashSet<>();
        for (LinkScanner.Found link : LinkScanner.scan(draft.page.linkable())) {
            StoryTargets.Resolution resolution = stories.resolve(draft.page.path(), link.destination());
            if (resolution instanceof StoryTargets.Resolved resolved && seen.add(resolved.target().slug())) {
                storyLinks.computeIfAbsent(resolved.target().slug(), k -> new ArrayList<>())
                        .add(new CorpusFile.Link(draft.slug, LinkRelation.MOTIVATES,
                                link.sentence().isEmpty() ? null : link.sentence(), "links"));
            } else if (resolution instanceof StoryTargets.Unresolved unresolved) {
                draft.notes.add("the link " + unresolved.destination() + " looks like a story but matches none");
            }
        }
    }

    private CorpusFile.Roadmap record(RoadmapDraft d) {
        String impact = d.impact;
        List<String> owners = d.boundedOwners();
        String hash = Hashes.of(FileType.ROADMAP.name(), d.slug, d.path, d.title, d.level.slug(), d.parentSlug(),
                d.state.slug(), d.progressOrDefault(), owners, d.landing, impact);
        return new CorpusFile.Roadmap(d.slug, d.path, hash, d.title, d.level, d.parentSlug(), 0, d.state,
                d.progressOrDefault(), owners, Optional.ofNullable(d.landing), impact);
    }
}
