package dev.storytracker.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every file's outcome of one import run, in the order the files were processed. */
public record ImportReport(List<FileResult> files, boolean dryRun) {

    /**
     * One file: its path relative to the imported folder, what happened, why (for rejections) and where, and what the
     * importer flagged while reading it (a guess it could not make, a link it could not resolve).
     */
    public record FileResult(String path, Outcome outcome, String reason, int line, List<String> notes) {

        public FileResult {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public FileResult(String path, Outcome outcome, String reason, int line) {
            this(path, outcome, reason, line, List.of());
        }

        /** {@code path:line} when a line is known. */
        public String location() {
            return line > 0 ? path + ":" + line : path;
        }

        FileResult withNotes(List<String> more) {
            if (more.isEmpty()) {
                return this;
            }
            return new FileResult(path, outcome, reason, line,
                    java.util.stream.Stream.concat(notes.stream(), more.stream()).toList());
        }
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        files.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        return counts;
    }

    public int count(Outcome outcome) {
        return counts().get(outcome);
    }

    public boolean hasRejections() {
        return count(Outcome.REJECTED) > 0;
    }

    /** How many notes the run left, over all files. */
    public int noteCount() {
        return files.stream().mapToInt(f -> f.notes().size()).sum();
    }

    public String summary() {
        Map<Outcome, Integer> c = counts();
        String line = (dryRun ? "Dry run, nothing written: " : "Imported ") + files.size() + " files: "
                + c.get(Outcome.CREATED) + " created, " + c.get(Outcome.UPDATED) + " updated, "
                + c.get(Outcome.UNCHANGED) + " unchanged, " + c.get(Outcome.REJECTED) + " rejected, "
                + c.get(Outcome.SKIPPED) + " skipped";
        int notes = noteCount();
        if (notes == 0) {
            return line;
        }
        long flaggedFiles = files.stream().filter(f -> !f.notes().isEmpty()).count();
        return line + "; " + notes + (notes == 1 ? " flag" : " flags") + " in " + flaggedFiles
                + (flaggedFiles == 1 ? " file" : " files");
    }
}
