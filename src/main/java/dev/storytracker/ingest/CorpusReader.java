package dev.storytracker.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.SlugEnum;
import dev.storytracker.Slugs;
import dev.storytracker.catalog.CatalogEntry;
import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StorySource;
import dev.storytracker.story.StoryState;
import dev.storytracker.story.StoryText;

/** Reads one corpus file: bytes to text, front matter to typed fields, with every bound checked. No database. */
public final class CorpusReader {

    /** Files past this size are refused unread; the largest valid story is well below it. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Links one story may have to roadmap items. */
    public static final int MAX_LINKS = 100;

    static final Set<String> STORY_FIELDS = Set.of("title", "kind", "character", "themes", "projects", "authors",
            "summary", "roadmap", "links", "retells", "series", "flags", "state", "history", "duplicate-of");
    static final Set<String> LINK_KEYS = Set.of("item", "relation", "note", "by", "at");
    static final Set<String> CATALOG_FIELDS = Set.of("name");
    static final Set<String> ROADMAP_FIELDS = Set.of("title", "level", "parent", "state", "progress", "owners",
            "landing");

    private CorpusReader() {
    }

    public static CorpusFile read(Path root, Path file, FileType type) throws FileProblem {
        String path = root.relativize(file).toString().replace('\\', '/');
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new FileProblem("the file is larger than " + MAX_FILE_BYTES / 1024 + " KiB", 0);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileProblem("the file cannot be read: " + e.getClass().getSimpleName(), 0);
        }
        return parse(path, bytes, type);
    }

    public static CorpusFile parse(String path, byte[] bytes, FileType type) throws FileProblem {
        String hash = sha256(bytes);
        String text = normalise(decode(bytes));
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.endsWith(".md")) {
            throw new FileProblem("only markdown files ending in .md are imported", 0);
        }
        String slug = name.substring(0, name.length() - 3);
        if (!Slugs.isValid(slug)) {
            throw new FileProblem("the file name must be a slug: it " + Slugs.RULE, 0);
        }
        FrontMatter matter = FrontMatter.parse(text);
        return switch (type) {
            case CHARACTER, THEME, PROJECT -> catalog(type, slug, path, hash, matter);
            case ROADMAP -> roadmap(slug, path, hash, matter);
            case STATUS_QUO, SHINY_FUTURE -> story(type, slug, path, hash, matter);
        };
    }

    private static CorpusFile catalog(FileType type, String slug, String path, String hash, FrontMatter matter)
            throws FileProblem {
        Fields fields = new Fields(matter, CATALOG_FIELDS);
        String name = fields.requiredText("name", CatalogEntry.MAX_NAME);
        String description = matter.body().strip();
        checkLength(description, CatalogEntry.MAX_DESCRIPTION, "the description", matter.bodyLine());
        return new CorpusFile.Catalog(type, slug, path, hash, name, description);
    }

    private static CorpusFile roadmap(String slug, String path, String hash, FrontMatter matter) throws FileProblem {
        Fields fields = new Fields(matter, ROADMAP_FIELDS);
        String title = fields.requiredText("title", RoadmapItem.MAX_TITLE);
        RoadmapLevel level = fields.choice("level", RoadmapLevel.class)
                .orElseThrow(() -> new FileProblem("the field 'level' is required (goal, initiative or milestone)", 1));
        var parent = fields.slug("parent");
        if (level == RoadmapLevel.GOAL && parent.isPresent()) {
            throw new FileProblem("a goal has no parent", fields.line("parent"));
        }
        if (level != RoadmapLevel.GOAL && parent.isEmpty()) {
            throw new FileProblem("an " + level.slug() + " needs a parent", 1);
        }
        if (parent.isPresent() && parent.get().equals(slug)) {
            throw new FileProblem("an item cannot be its own parent", fields.line("parent"));
        }
        RoadmapState state = fields.choice("state", RoadmapState.class).orElse(RoadmapState.HELP_WANTED);
        int progress = fields.integer("progress", 0, 100).orElse(state == RoadmapState.DONE ? 100 : 0);
        List<String> owners = fields.list("owners", RoadmapItem.MAX_OWNERS, RoadmapItem.MAX_OWNER);
        var landing = fields.text("landing", RoadmapItem.MAX_URL);
        if (landing.isPresent() && !landing.get().matches("https?://\\S+")) {
            throw new FileProblem("the field 'landing' must be an http or https URL", fields.line("landing"));
        }
        String impact = matter.body().strip();
        checkLength(impact, RoadmapItem.MAX_IMPACT, "the impact statement", matter.bodyLine());
        return new CorpusFile.Roadmap(slug, path, hash, title, level, parent, fields.line("parent"), state, progress,
                owners, landing, impact);
    }

    private static CorpusFile story(FileType type, String slug, String path, String hash, FrontMatter matter)
            throws FileProblem {
        Fields fields = new Fields(matter, STORY_FIELDS);
        String title = fields.requiredText("title", Story.MAX_TITLE);
        StoryKind kind = fields.choice("kind", StoryKind.class).orElse(type.storyKind());
        if (kind != type.storyKind()) {
            throw new FileProblem("the kind '" + kind.slug() + "' does not match the folder '" + type.folder() + "'",
                    fields.line("kind"));
        }
        Optional<String> character = fields.slug("character");
        List<String> flags = fields.list("flags", Story.MAX_FLAGS, Story.MAX_FLAG);
        if (character.isEmpty() && flags.isEmpty()) {
            throw new FileProblem("the field 'character' is required (a story without one must say why in 'flags')",
                    1);
        }
        List<String> themes = fields.slugList("themes", Story.MAX_THEMES);
        List<String> projects = fields.slugList("projects", Story.MAX_PROJECTS);
        List<String> authors = fields.list("authors", Story.MAX_AUTHORS, Story.MAX_AUTHOR);
        List<CorpusFile.Link> links = links(fields);
        Optional<String> series = fields.slug("series");
        if (series.isPresent() && series.get().equals(slug)) {
            throw new FileProblem("a story cannot be a chapter of itself", fields.line("series"));
        }
        List<String> retells = fields.slugList("retells", Story.MAX_RETELLS);
        if (kind == StoryKind.STATUS_QUO && !retells.isEmpty()) {
            throw new FileProblem("only shiny-future stories retell other stories", fields.line("retells"));
        }
        if (retells.contains(slug)) {
            throw new FileProblem("a story cannot retell itself", fields.line("retells"));
        }
        var state = fields.choice("state", StoryState.class);
        FaqSection.Split split = FaqSection.split(matter.body());
        if (split.body().isBlank()) {
            throw new FileProblem("the story has no text", matter.bodyLine());
        }
        if (split.body().getBytes(StandardCharsets.UTF_8).length > Story.MAX_BODY_BYTES) {
            throw new FileProblem("the story text is larger than " + Story.MAX_BODY_BYTES / 1024 + " KiB",
                    matter.bodyLine());
        }
        checkFaq(split.faq(), matter.bodyLine());
        String summary = fields.text("summary", Story.MAX_SUMMARY)
                .orElseGet(() -> StoryText.summarize(split.body(), 280));
        List<CorpusFile.HistoryEntry> history = HistoryField.read(fields);
        Optional<String> duplicateOf = fields.slug("duplicate-of");
        if (duplicateOf.isPresent() && (duplicateOf.get().equals(slug) || state.orElse(null) != StoryState.DUPLICATE)) {
            throw new FileProblem("'duplicate-of' names another story, for a story in state duplicate",
                    fields.line("duplicate-of"));
        }
        Map<String, Integer> lines = new HashMap<>();
        for (String key : STORY_FIELDS) {
            lines.put(key, fields.line(key));
        }
        return new CorpusFile.Story(type, slug, path, hash, kind, title, summary, split.body(), split.faq(), character,
                themes, projects, authors, links, retells, series, flags, state, StorySource.FILE, Map.copyOf(lines),
                history, duplicateOf);
    }

    /** The short {@code roadmap: [slug]} form (motivates, no note) and the full {@code links:} form, together. */
    private static List<CorpusFile.Link> links(Fields fields) throws FileProblem {
        List<CorpusFile.Link> links = new ArrayList<>();
        Set<String> items = new HashSet<>();
        for (String item : fields.slugList("roadmap", MAX_LINKS)) {
            items.add(item);
            links.add(new CorpusFile.Link(item, LinkRelation.MOTIVATES, null, "roadmap"));
        }
        for (Map<String, String> record : fields.records("links", LINK_KEYS, MAX_LINKS, StoryLink.MAX_NOTE)) {
            String item = record.getOrDefault("item", "");
            if (!Slugs.isValid(item)) {
                throw new FileProblem("each entry of 'links' needs an 'item' that is a roadmap item slug",
                        fields.line("links"));
            }
            String relationText = record.getOrDefault("relation", "");
            LinkRelation relation = relationText.isEmpty() ? LinkRelation.MOTIVATES
                    : SlugEnum.parse(LinkRelation.class, relationText).orElseThrow(() -> new FileProblem(
                            "the relation '" + relationText + "' in 'links' is not one of "
                                    + String.join(", ", SlugEnum.slugs(LinkRelation.class)),
                            fields.line("links")));
            if (!items.add(item)) {
                throw new FileProblem("the roadmap item '" + item + "' is linked twice", fields.line("links"));
            }
            String note = record.getOrDefault("note", "");
            String by = record.getOrDefault("by", "");
            if (by.length() > HistoryField.MAX_ACTOR) {
                throw new FileProblem("'by' in 'links' is longer than " + HistoryField.MAX_ACTOR + " characters",
                        fields.line("links"));
            }
            Instant at = record.containsKey("at")
                    ? HistoryField.instant(record.get("at"), links.size() + 1, fields.line("links"))
                    : null;
            links.add(new CorpusFile.Link(item, relation, note.isEmpty() ? null : note, "links",
                    by.isEmpty() ? null : by, at));
        }
        if (links.size() > MAX_LINKS) {
            throw new FileProblem("a story may link at most " + MAX_LINKS + " roadmap items", fields.line("links"));
        }
        return links;
    }

    /** The FAQ bounds every reader applies: how many questions, how long each question and answer. */
    public static void checkFaq(List<FaqEntry> faq, int line) throws FileProblem {
        if (faq.size() > Story.MAX_FAQ) {
            throw new FileProblem("the FAQ has " + faq.size() + " questions; at most " + Story.MAX_FAQ, line);
        }
        for (FaqEntry entry : faq) {
            if (entry.question.length() > FaqEntry.MAX_QUESTION) {
                throw new FileProblem("an FAQ question is longer than " + FaqEntry.MAX_QUESTION + " characters", line);
            }
            if (entry.answer.length() > FaqEntry.MAX_ANSWER) {
                throw new FileProblem("the answer to '" + StoryText.cut(entry.question, 60) + "' is longer than "
                        + FaqEntry.MAX_ANSWER + " characters", line);
            }
        }
    }

    private static void checkLength(String text, int max, String what, int line) throws FileProblem {
        if (text.length() > max) {
            throw new FileProblem(what + " is longer than " + max + " characters", line);
        }
    }

    /** Strict UTF-8: malformed input and NUL bytes are refused. */
    public static String decode(byte[] bytes) throws FileProblem {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new FileProblem("the file holds NUL bytes: it looks binary, not markdown", 0);
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new FileProblem("the file is not valid UTF-8", 0);
        }
    }

    /** Drops a byte-order mark and turns CRLF and lone CR into LF. */
    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
