package dev.storytracker.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.storytracker.publish.MdBookQueries.Entry;
import dev.storytracker.publish.MdBookQueries.Item;
import dev.storytracker.publish.MdBookQueries.Listed;
import dev.storytracker.publish.MdBookQueries.StoryPage;
import dev.storytracker.roadmap.ProgressMode;
import dev.storytracker.story.StoryKind;

/**
 * The markdown of each page of the exported book. Every piece of user text goes through {@link Markdown}: one-line
 * text escaped, markdown blocks fenced in. Paths are made of slugs only, so they never need escaping.
 */
final class MdBookPages {

    private MdBookPages() {
    }

    static String kindName(StoryKind kind) {
        return kind == StoryKind.STATUS_QUO ? "Status quo" : "Shiny future";
    }

    /** Where a story's page is, relative to the book's {@code src}. */
    static String storyPath(StoryKind kind, String slug) {
        return kind.slug() + "/" + slug + ".md";
    }

    static String story(StoryPage story) {
        StringBuilder page = new StringBuilder();
        page.append("# ").append(Markdown.inline(story.title())).append("\n\n");
        page.append("- Kind: ").append(kindName(story.kind())).append('\n');
        if (story.character() != null) {
            page.append("- Told by: ").append(Markdown.link(story.character().name(),
                    "../characters/" + story.character().slug() + ".md")).append('\n');
        }
        if (!story.themes().isEmpty()) {
            page.append("- Themes: ").append(story.themes().stream()
                    .map(t -> Markdown.link(t.name(), "../themes/" + t.slug() + ".md"))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!story.projects().isEmpty()) {
            page.append("- Projects: ").append(inlineList(story.projects())).append('\n');
        }
        if (!story.authors().isEmpty()) {
            page.append("- Written by: ").append(inlineList(story.authors())).append('\n');
        }
        if (!story.retells().isEmpty()) {
            page.append("- Retells: ").append(story.retells().stream()
                    .map(r -> Markdown.link(r.name(), "../" + storyPath(StoryKind.STATUS_QUO, r.slug())))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        page.append('\n').append(Markdown.block(story.body()));
        if (!story.faq().isEmpty()) {
            page.append("\n## Frequently Asked Questions\n");
            for (String[] qa : story.faq()) {
                page.append("\n### ").append(Markdown.inline(qa[0])).append("\n\n").append(Markdown.block(qa[1]));
            }
        }
        page.append("\n## Motivates\n\n");
        if (story.links().isEmpty()) {
            page.append("No roadmap item is linked to this story yet.\n");
        }
        for (MdBookQueries.Link link : story.links()) {
            page.append("- ").append(Markdown.link(link.itemTitle(), "../roadmap/" + link.item() + ".md"))
                    .append(" (").append(link.relation().slug()).append(')');
            if (link.note() != null) {
                page.append(": ").append(Markdown.inline(link.note()));
            }
            page.append('\n');
        }
        return page.toString();
    }

    /** An item's page down to its "Motivated by" heading; the stories follow as {@link #motivation} lines. */
    static String itemHead(Item item, Item parent, List<Item> children) {
        StringBuilder page = new StringBuilder();
        page.append("# ").append(Markdown.inline(item.title())).append("\n\n");
        page.append("- Level: ").append(item.level().slug()).append('\n');
        page.append("- State: ").append(item.state().slug()).append('\n');
        page.append("- Progress: ").append(item.progress()).append('%')
                .append(item.mode() == ProgressMode.ROLLUP ? " (rolled up from the items below it)" : "").append('\n');
        if (!item.owners().isEmpty()) {
            page.append("- Owners: ").append(inlineList(item.owners())).append('\n');
        }
        if (item.landing() != null) {
            page.append("- Landing page: ").append(Markdown.url(item.landing())).append('\n');
        }
        if (parent != null) {
            page.append("- Part of: ").append(Markdown.link(parent.title(), parent.slug() + ".md")).append('\n');
        }
        page.append('\n').append(Markdown.block(item.impact()));
        if (!children.isEmpty()) {
            page.append("\n## Below it\n\n");
            for (Item child : children) {
                page.append("- ").append(Markdown.link(child.title(), child.slug() + ".md")).append(" (")
                        .append(child.level().slug()).append(", ").append(child.state().slug()).append(")\n");
            }
        }
        return page.append("\n## Motivated by\n\n").toString();
    }

    static String motivation(Listed link) {
        String line = "- " + Markdown.link(link.title(), "../" + storyPath(link.kind(), link.story())) + " ("
                + link.relation().slug() + ")";
        return line + (link.note() == null ? "" : ": " + Markdown.inline(link.note())) + "\n";
    }

    static String nothingYet(String what) {
        return "No accepted story " + what + " yet.\n";
    }

    /** A character's or theme's page down to its list of stories. */
    static String entryHead(Entry entry) {
        return "# " + Markdown.inline(entry.name()) + "\n\n" + Markdown.block(entry.description())
                + "\n## Stories\n\n";
    }

    static String listedStory(Listed story) {
        return "- " + Markdown.link(story.title(), "../" + storyPath(story.kind(), story.story())) + " ("
                + kindName(story.kind()).toLowerCase(Locale.ROOT) + ")\n";
    }

    /** The index of characters or themes. */
    static String entryIndex(String title, List<Entry> entries) {
        StringBuilder page = new StringBuilder("# ").append(title).append("\n\n");
        for (Entry entry : entries) {
            page.append("- ").append(Markdown.link(entry.name(), entry.slug() + ".md")).append(" (")
                    .append(entry.stories()).append(entry.stories() == 1 ? " story)\n" : " stories)\n");
        }
        return page.toString();
    }

    private static String inlineList(List<String> texts) {
        List<String> escaped = new ArrayList<>(texts.size());
        texts.forEach(t -> escaped.add(Markdown.inline(t)));
        return String.join(", ", escaped);
    }
}
