package dev.storytracker.ingest.mdbook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.ingest.CorpusFile;
import dev.storytracker.ingest.CorpusReader;
import dev.storytracker.ingest.FaqSection;
import dev.storytracker.ingest.FileProblem;
import dev.storytracker.ingest.FileType;
import dev.storytracker.ingest.ReadFile;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StorySource;
import dev.storytracker.story.StoryText;

/**
 * Turns one story page of a book into a story: the title without its prefixes (or from the file name), the text
 * without the H1 and the draft-status boilerplate, the FAQ split out, the teller found by the {@link Cast}, and for a
 * shiny-future story the status-quo stories its retelling answer links to. What cannot be decided is flagged, never
 * refused.
 */
final class StoryPage {

    private static final java.util.regex.Pattern SHORTCUT_LINK = java.util.regex.Pattern
            .compile("(?m)^\\[([^\\]]+)\\](?:\\[[^\\]]*\\])?(?![(:])");
    static final String NO_CHARACTER = "no character found: neither the file name, the title nor the text names one";

    /** The story read, and the character it found (for the chapters of a series to fall back on). */
    record Result(ReadFile read, Optional<String> character) {
    }

    private StoryPage() {
    }

    static Result read(BookFiles.Page page, PageText text, String slug, Optional<String> series,
            Optional<String> seriesCharacter, Cast cast, StoryTargets targets, List<CorpusFile.Link> links) {
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String title = title(page, text, notes);
        String markdown = Markdown.dropSections(text.text(), StoryPage::isDraftWarning);
        FaqSection.Split split = FaqSection.split(markdown);
        String body = text.defs().attachUsed(split.body());
        List<FaqEntry> faq = new ArrayList<>();
        for (FaqEntry entry : split.faq()) {
            faq.add(new FaqEntry(entry.question, text.defs().attachUsed(entry.answer).strip()));
        }
        Optional<String> character = cast.fromFileName(page.stem())
                .or(() -> cast.firstMention(title))
                .or(() -> cast.firstMention(markdown))
                .or(() -> seriesCharacter);
        if (character.isEmpty()) {
            flags.add(NO_CHARACTER);
            notes.add(NO_CHARACTER + "; imported without one, for triage");
        }
        List<String> retells = page.kind() == StoryKind.SHINY_FUTURE ? retells(page, slug, split.faq(), text, targets,
                notes, flags) : List.of();
        List<CorpusFile.Link> bounded = links;
        if (links.size() > CorpusReader.MAX_LINKS) {
            notes.add(links.size() + " roadmap pages link to this story; the first " + CorpusReader.MAX_LINKS
                    + " are kept");
            bounded = links.subList(0, CorpusReader.MAX_LINKS);
        }
        if (page.role() == BookFiles.Role.CHAPTER && series.isEmpty()) {
            notes.add("a chapter whose series page " + page.series() + " is missing; imported on its own");
        }
        try {
            check(body, faq);
        } catch (FileProblem problem) {
            return new Result(ReadFile.rejected(page.path(), problem, notes), character);
        }
        List<String> boundedFlags = flags.stream().limit(Story.MAX_FLAGS)
                .map(f -> StoryText.cut(f, Story.MAX_FLAG)).toList();
        FileType type = page.kind() == StoryKind.SHINY_FUTURE ? FileType.SHINY_FUTURE : FileType.STATUS_QUO;
        String summary = summary(body);
        List<String> faqFields = faq.stream().flatMap(f -> java.util.stream.Stream.of(f.question, f.answer)).toList();
        List<String> linkFields = bounded.stream().map(l -> l.item() + "\n" + l.relation().slug() + "\n" + l.note())
                .toList();
        String hash = Hashes.of(type.name(), slug, page.path(), title, summary, body, faqFields, character, linkFields,
                retells, series, boundedFlags);
        CorpusFile.Story story = new CorpusFile.Story(type, slug, page.path(), hash, page.kind(), title, summary, body,
                List.copyOf(faq), character, List.of(), List.of(), List.of(), List.copyOf(bounded), retells, series,
                boundedFlags, Optional.empty(), StorySource.MDBOOK, Map.of());
        return new Result(ReadFile.parsed(story, notes), character);
    }

    /**
     * The first paragraph, as for files. A paragraph that opens with a reference link ("[Grace] spends...") reads as
     * a definition to the summary rule, so such links are flattened to their text first.
     */
    static String summary(String body) {
        String summary = StoryText.summarize(body, 280);
        return summary.isEmpty() ? StoryText.summarize(SHORTCUT_LINK.matcher(body).replaceAll("$1"), 280) : summary;
    }

    private static String title(BookFiles.Page page, PageText text, List<String> notes) {
        String cleaned = text.title() == null ? "" : Titles.clean(text.title());
        String title = cleaned;
        if (text.title() == null) {
            title = Titles.fromFileName(page.stem());
            notes.add("the page has no H1; the title is made from the file name");
        } else if (Titles.isTemplate(cleaned)) {
            title = Titles.fromFileName(page.stem());
            notes.add("the page kept the template's title; the title is made from the file name");
        }
        if (title.length() > Story.MAX_TITLE) {
            notes.add("the title is cut to " + Story.MAX_TITLE + " characters");
            title = StoryText.cut(title, Story.MAX_TITLE);
        }
        return title;
    }

    static boolean isDraftWarning(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return h.contains("draft status") || (h.contains("warning") && h.contains("draft"));
    }

    /** The status-quo stories linked from the answer to "What status quo stories are you retelling?". */
    private static List<String> retells(BookFiles.Page page, String slug, List<FaqEntry> faq, PageText text,
            StoryTargets targets, List<String> notes, List<String> flags) {
        Set<String> retold = new LinkedHashSet<>();
        for (FaqEntry entry : faq) {
            if (!entry.question.toLowerCase(Locale.ROOT).contains("retell")) {
                continue;
            }
            for (LinkScanner.Found link : LinkScanner.scan(text.defs().attachAll(entry.answer))) {
                StoryTargets.Resolution resolution = targets.resolve(page.path(), link.destination());
                if (resolution instanceof StoryTargets.Resolved resolved) {
                    StoryTargets.Target target = resolved.target();
                    if (target.kind() != StoryKind.STATUS_QUO) {
                        notes.add("the retelling link " + link.destination() + " is a shiny-future story; left out");
                    } else if (!target.slug().equals(slug)) {
                        retold.add(target.slug());
                    }
                } else if (resolution instanceof StoryTargets.Unresolved unresolved) {
                    String message = "the retelling link " + unresolved.destination()
                            + " looks like a story but matches none";
                    notes.add(message);
                    flags.add(message);
                }
            }
        }
        List<String> list = new ArrayList<>(retold);
        if (list.size() > Story.MAX_RETELLS) {
            notes.add("retells " + list.size() + " stories; the first " + Story.MAX_RETELLS + " are kept");
            list = list.subList(0, Story.MAX_RETELLS);
        }
        return List.copyOf(list);
    }

    private static void check(String body, List<FaqEntry> faq) throws FileProblem {
        if (body.isBlank()) {
            throw new FileProblem("the story has no text", 0);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > Story.MAX_BODY_BYTES) {
            throw new FileProblem("the story text is larger than " + Story.MAX_BODY_BYTES / 1024 + " KiB", 0);
        }
        CorpusReader.checkFaq(faq, 0);
    }
}
