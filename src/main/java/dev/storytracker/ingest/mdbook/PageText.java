package dev.storytracker.ingest.mdbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.storytracker.ingest.CorpusReader;
import dev.storytracker.ingest.FileProblem;

/**
 * A book page decoded (strict UTF-8, BOM and CRLF normalised) and taken apart: its first H1 (the title, if any), the
 * rest of the text, and its reference-link definitions.
 */
record PageText(String path, String title, String text, RefDefs defs) {

    static PageText load(Path file, String path) throws FileProblem {
        byte[] bytes;
        try {
            if (Files.size(file) > CorpusReader.MAX_FILE_BYTES) {
                throw new FileProblem("the file is larger than " + CorpusReader.MAX_FILE_BYTES / 1024 + " KiB", 0);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileProblem("the file cannot be read: " + e.getClass().getSimpleName(), 0);
        }
        return of(path, CorpusReader.normalise(CorpusReader.decode(bytes)));
    }

    static PageText of(String path, String text) {
        RefDefs.Extracted extracted = RefDefs.extract(text);
        String rest = extracted.text();
        var h1 = Markdown.firstH1(rest);
        String title = null;
        if (h1.isPresent()) {
            title = h1.get().text();
            rest = Markdown.removeLine(rest, h1.get().line());
        }
        return new PageText(path, title, rest.strip(), extracted.defs());
    }

    /** The text with every definition put back, for link scanning. */
    String linkable() {
        return defs.attachAll(text);
    }
}
