package dev.storytracker.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes corpus files into a temporary folder for a test. */
final class CorpusFiles {

    private final Path root;

    CorpusFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    CorpusFiles write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CorpusFiles writeBytes(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small valid corpus: one character, two themes, a goal with an initiative, and one story of each kind. */
    CorpusFiles basic() {
        write("characters/alan.md", "---\nname: Alan\n---\nAlan knows Java well and is new to Rust.\n");
        write("themes/cancellation.md", "---\nname: Cancellation\n---\nStopping work that is no longer wanted.\n");
        write("themes/debugging.md", "---\nname: Debugging\n---\nFinding out what went wrong.\n");
        write("roadmap/scoped-tasks.md", "---\ntitle: Scoped tasks\nlevel: goal\nstate: in-progress\nprogress: 30\n"
                + "owners: [Ann Example]\n---\nTasks end with their scope.\n");
        write("roadmap/scoped-spawn.md", "---\ntitle: Scoped spawn\nlevel: initiative\nparent: scoped-tasks\n"
                + "state: help-wanted\nlanding: https://example.org/spawn\n---\nSpawn tasks that borrow.\n");
        write("status-quo/alan-loses-data.md", """
                ---
                title: Alan loses data
                kind: status-quo
                character: alan
                themes: [cancellation]
                authors: ["Jane Doe <jane@example.org>"]
                roadmap: [scoped-spawn]
                ---
                ## The story

                Alan drops a future in `select!` and a write is lost.

                ## 🤔 Frequently Asked Questions

                ### **What are the morals of the story?**
                * Dropping a future cancels it.

                ### Why did you choose Alan to tell this story?
                He expects a GC-style runtime to finish the work.
                """);
        write("shiny-future/alan-keeps-data.md", """
                ---
                title: Alan keeps data
                kind: shiny-future
                character: alan
                themes: [cancellation, debugging]
                retells: [alan-loses-data]
                roadmap: [scoped-tasks, scoped-spawn]
                ---
                The compiler warns Alan before the write can be lost.
                """);
        return this;
    }
}
