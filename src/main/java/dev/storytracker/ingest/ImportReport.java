package dev.storytracker.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every file's outcome of one import run, in the order the files were processed. */
public record ImportReport(List<FileResult> files, boolean dryRun) {

    /** One file: its path relative to the imported folder, what happened, why (for rejections) and where. */
    public record FileResult(String path, Outcome outcome, String reason, int line) {

        /** {@code path:line} when a line is known. */
        public String location() {
            return line > 0 ? path + ":" + line : path;
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

    public String summary() {
        Map<Outcome, Integer> c = counts();
        return (dryRun ? "Dry run, nothing written: " : "Imported ") + files.size() + " files: "
                + c.get(Outcome.CREATED) + " created, " + c.get(Outcome.UPDATED) + " updated, "
                + c.get(Outcome.UNCHANGED) + " unchanged, " + c.get(Outcome.REJECTED) + " rejected, "
                + c.get(Outcome.SKIPPED) + " skipped";
    }
}
