package dev.storytracker.ingest;

import java.util.List;

import dev.storytracker.ingest.ImportReport.FileResult;

/**
 * One file as a reader (the front-matter corpus or an mdBook source) left it: either parsed and ready to be written,
 * or already decided (skipped or rejected). Notes are what the reader flagged on the way, reported with the outcome.
 */
public record ReadFile(CorpusFile file, FileResult decided, List<String> notes) {

    public ReadFile {
        notes = notes == null ? List.of() : List.copyOf(notes);
        if ((file == null) == (decided == null)) {
            throw new IllegalArgumentException("a read file is either parsed or decided");
        }
    }

    public static ReadFile parsed(CorpusFile file, List<String> notes) {
        return new ReadFile(file, null, notes);
    }

    public static ReadFile skipped(String path, String reason) {
        return new ReadFile(null, new FileResult(path, Outcome.SKIPPED, reason, 0), List.of());
    }

    public static ReadFile rejected(String path, FileProblem problem, List<String> notes) {
        return new ReadFile(null, new FileResult(path, Outcome.REJECTED, problem.getMessage(), problem.line()), notes);
    }

    public String path() {
        return file != null ? file.path() : decided.path();
    }
}
