package dev.storytracker.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storytracker.ingest.mdbook.SampleBook;

/** Zips of story files carrying the vectors: a front-matter corpus and an mdBook source. */
final class HostileBooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileBooks() {
    }

    static String slug(String prefix, int index) {
        return String.format("%s-%02d", prefix, index);
    }

    /**
     * For each vector: a story (title, summary, authors, link note and body), a character, a theme and a roadmap item
     * (title, owners and impact). YAML values are written as JSON strings, which YAML reads the same way.
     */
    static byte[] frontMatterCorpus(List<HostileVectors.Vector> vectors) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("characters/alan.md", "---\nname: Alan\n---\nAlan.\n");
        files.put("roadmap/hostile-root.md", "---\ntitle: Hostile root\nlevel: goal\nstate: in-progress\n---\nRoot.\n");
        for (int i = 0; i < vectors.size(); i++) {
            String v = vectors.get(i).text();
            String item = slug("fm-item", i);
            files.put("roadmap/" + item + ".md", "---\ntitle: " + q("FM item " + i + " " + v) + "\nlevel: initiative\n"
                    + "parent: hostile-root\nstate: help-wanted\nowners: [" + q(v) + "]\n---\n" + v + "\n");
            files.put("characters/" + slug("fm-char", i) + ".md", "---\nname: " + q("FM character " + i + " " + v)
                    + "\n---\n" + v + "\n");
            files.put("themes/" + slug("fm-theme", i) + ".md", "---\nname: " + q("FM theme " + i + " " + v)
                    + "\n---\n" + v + "\n");
            files.put("status-quo/" + slug("fm-story", i) + ".md", "---\ntitle: " + q("FM story " + i + " " + v)
                    + "\nkind: status-quo\ncharacter: " + slug("fm-char", i) + "\nthemes: [" + slug("fm-theme", i)
                    + "]\nsummary: " + q(v) + "\nauthors: [" + q(v) + "]\nlinks: [{item: " + item
                    + ", relation: motivates, note: " + q(v.replaceAll("\\R", " ")) + "}]\n---\nThe story.\n\n" + v
                    + "\n\n## Frequently Asked Questions\n\n### " + v.replaceAll("\\R", " ") + "\n\n" + v + "\n");
        }
        return zip(files);
    }

    /** The sample book with a story page per vector (title and body), and every vector on Alan's page. */
    static byte[] mdBook(List<HostileVectors.Vector> vectors) {
        Map<String, String> files = new LinkedHashMap<>();
        Path root = SampleBook.ROOT;
        StringBuilder alan = new StringBuilder();
        for (int i = 0; i < vectors.size(); i++) {
            String v = vectors.get(i).text();
            alan.append("\n\n").append(v);
            files.put("book/vision/submitted_stories/status_quo/" + slug("hostile_book", i).replace('-', '_') + ".md",
                    "# 😱 Status quo stories: Book " + i + " " + v.replaceAll("\\R", " ") + "\n\n## The story\n\n"
                            + v + "\n");
        }
        for (Path file : SampleBook.files()) {
            String name = file.toString().replace('\\', '/');
            String text = read(root.resolve(file));
            if (name.equals("vision/characters/alan.md")) {
                text = text + alan + "\n";
            }
            files.put("book/" + name, text);
        }
        return zip(files);
    }

    private static String q(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
