package dev.storytracker.ingest.mdbook;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

import dev.storytracker.ingest.CorpusReader;

/**
 * The content hash of a record made from a book. A record may be made from several pages (a story takes links from
 * roadmap pages, a character its line in characters.md), so the hash covers the record's every field rather than one
 * file's bytes: anything that changes what would be written changes the hash, and nothing else does.
 */
final class Hashes {

    /** Bumped when the mapping changes, so that a new version of the importer rewrites what it made before. */
    private static final String VERSION = "mdbook/1";

    private Hashes() {
    }

    static String of(Object... fields) {
        StringBuilder canonical = new StringBuilder(VERSION);
        for (Object field : fields) {
            append(canonical, field);
        }
        return CorpusReader.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Optional<?> optional) {
            append(out, optional.orElse(null));
        } else if (value instanceof Collection<?> list) {
            out.append("[").append(list.size());
            list.forEach(item -> append(out, item));
            out.append("]");
        } else if (value == null) {
            out.append("~");
        } else {
            // Length-prefixed, so that no two different field lists read the same.
            String text = String.valueOf(value);
            out.append(text.length()).append(':').append(text);
        }
    }
}
