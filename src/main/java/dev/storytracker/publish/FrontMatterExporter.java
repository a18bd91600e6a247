package dev.storytracker.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;

/**
 * {@code export --format frontmatter OUTDIR}: writes the database back as a corpus in the front-matter format
 * (characters, themes, projects, roadmap items, stories with every field), so that importing it into an empty
 * database gives the same stories, links and roadmap. Stories are read in batches by id, each batch with a fixed
 * number of queries, so the export runs in bounded memory whatever the number of stories.
 */
@ApplicationScoped
public class FrontMatterExporter implements Exporter {

    @Inject
    EntityManager em;

    @Inject
    FrontMatterStories stories;

    @Override
    public String format() {
        return "frontmatter";
    }

    @Override
    public ExportReport export(Path outDir) throws IOException {
        prepare(outDir);
        List<String> files = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String entity : List.of("StoryCharacter", "Theme", "Project")) {
            String folder = switch (entity) {
                case "StoryCharacter" -> "characters";
                case "Theme" -> "themes";
                default -> "projects";
            };
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select e.slug, e.name, e.description from " + entity + " e order by e.slug", Object[].class)
                    .getResultList());
            for (Object[] row : rows) {
                String text = new FrontMatterText().text("name", (String) row[1]).body((String) row[2]);
                files.add(write(outDir, folder, (String) row[0], text));
            }
            counts.put(folder, rows.size());
        }
        int items = roadmap(outDir, files);
        int written = stories.write((folder, slug, text) -> files.add(write(outDir, folder, slug, text)));
        String summary = "Exported " + files.size() + " files to " + outDir + ": " + counts.get("characters")
                + " characters, " + counts.get("themes") + " themes, " + counts.get("projects") + " projects, "
                + items + " roadmap items, " + written + " stories";
        return new ExportReport(List.copyOf(files), summary);
    }

    /** Roadmap items with their owners; roadmaps hold hundreds to a few thousand items, read in two queries. */
    private int roadmap(Path outDir, List<String> files) throws IOException {
        record Item(long id, String slug, String title, RoadmapLevel level, String parent, RoadmapState state,
                int progress, String landing, String impact) {
        }
        Map<Long, List<String>> owners = new HashMap<>();
        List<Item> items = QuarkusTransaction.requiringNew().call(() -> {
            em.createQuery("select i.id, o from RoadmapItem i join i.owners o order by i.id, index(o)", Object[].class)
                    .getResultList()
                    .forEach(r -> owners.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
            return em.createQuery("select i.id, i.slug, i.title, i.level, p.slug, i.state, i.progress, i.landingUrl,"
                    + " i.impact from RoadmapItem i left join i.parent p order by i.slug", Object[].class)
                    .getResultList().stream()
                    .map(r -> new Item((Long) r[0], (String) r[1], (String) r[2], (RoadmapLevel) r[3], (String) r[4],
                            (RoadmapState) r[5], (Integer) r[6], (String) r[7], (String) r[8]))
                    .toList();
        });
        for (Item item : items) {
            String text = new FrontMatterText().text("title", item.title()).word("level", item.level().slug())
                    .word("parent", item.parent()).word("state", item.state().slug())
                    .word("progress", String.valueOf(item.progress()))
                    .texts("owners", owners.getOrDefault(item.id(), List.of())).text("landing", item.landing())
                    .body(item.impact());
            files.add(write(outDir, "roadmap", item.slug(), text));
        }
        return items.size();
    }

    /** Creates the folder; refuses one that holds files, so that no file of an older export is imported again. */
    private static void prepare(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new IOException("it is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the folder is not empty; export into a new or empty folder");
                }
            }
        }
        Files.createDirectories(outDir);
    }

    private static String write(Path outDir, String folder, String slug, String text) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve(folder));
        Files.writeString(dir.resolve(slug + ".md"), text, StandardCharsets.UTF_8);
        return folder + "/" + slug + ".md";
    }
}
