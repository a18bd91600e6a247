package dev.storytracker.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator as plain code: the same arguments give the same bytes, and it writes as many things as asked. */
class CorpusGeneratorTest {

    @TempDir
    Path dir;

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private int generate(String... args) {
        return GenerateCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_does_not() throws IOException {
        List<String> common = List.of("--stories", "120", "--items", "60", "--links-per-story", "5");
        assertEquals(0, generate(Stream.concat(common.stream(), Stream.of("--seed", "7", dir.resolve("a").toString()))
                .toArray(String[]::new)));
        assertEquals(0, generate(Stream.concat(common.stream(), Stream.of("--seed", "7", dir.resolve("b").toString()))
                .toArray(String[]::new)));
        assertEquals(0, generate(Stream.concat(common.stream(), Stream.of("--seed", "8", dir.resolve("c").toString()))
                .toArray(String[]::new)));
        Map<String, byte[]> a = contents(dir.resolve("a"));
        Map<String, byte[]> b = contents(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
        Map<String, byte[]> c = contents(dir.resolve("c"));
        assertNotEquals(a.keySet(), c.keySet(), "another seed draws other stories");
    }

    @Test
    void writes_as_many_stories_items_and_links_as_asked_with_bodies_of_2_to_20_kb() throws IOException {
        Path out = dir.resolve("corpus");
        assertEquals(0, generate("--stories", "200", "--items", "100", "--links-per-story", "4", "--seed", "1",
                out.toString()));
        Map<String, byte[]> files = contents(out);
        long stories = files.keySet().stream().filter(p -> p.startsWith("status-quo") || p.startsWith("shiny-future"))
                .count();
        assertEquals(200, stories);
        assertEquals(100, files.keySet().stream().filter(p -> p.startsWith("roadmap")).count());
        assertEquals(4, files.keySet().stream().filter(p -> p.startsWith("characters")).count());
        assertEquals(30, files.keySet().stream().filter(p -> p.startsWith("themes")).count());
        String goals = files.entrySet().stream().filter(e -> e.getKey().startsWith("roadmap"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).filter(t -> t.contains("level: goal"))
                .count() + "";
        assertEquals("2", goals);
        files.forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.startsWith("status-quo") || path.startsWith("shiny-future")) {
                String roadmap = text.lines().filter(l -> l.startsWith("roadmap: ")).findFirst().orElseThrow();
                assertEquals(4, roadmap.split(",").length, path);
                int body = text.indexOf("## The story");
                int faq = text.indexOf("## 🤔 Frequently Asked Questions");
                assertTrue(faq - body >= 2048 && faq - body < 21 * 1024, path + " body of " + (faq - body));
            }
        });
        assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("shiny-future")));
    }

    @Test
    void refuses_bad_arguments_and_a_folder_that_is_not_empty() throws IOException {
        assertEquals(64, generate("--stories", "-1", dir.resolve("x").toString()));
        assertEquals(64, generate("--items", "3", "--links-per-story", "4", dir.resolve("x").toString()));
        assertEquals(64, generate("--stories", "ten", dir.resolve("x").toString()));
        assertEquals(64, generate("--colour", "red", dir.resolve("x").toString()));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertEquals(1, generate("--stories", "1", dir.toString()));
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }
}
