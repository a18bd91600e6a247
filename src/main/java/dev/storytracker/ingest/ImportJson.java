package dev.storytracker.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import report as the admin API answers it: the summary line, counts by outcome, and every file. */
public record ImportJson(String summary, boolean dryRun, Map<String, Integer> counts, List<File> files) {

    /** One file: what happened to it, why and where when it was rejected, and what was flagged. */
    public record File(String path, String outcome, String reason, Integer line, List<String> notes) {
    }

    public static ImportJson of(ImportReport report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((outcome, count) -> counts.put(outcome.word(), count));
        List<File> files = report.files().stream().map(f -> new File(f.path(), f.outcome().word(), f.reason(),
                f.line() > 0 ? f.line() : null, f.notes())).toList();
        return new ImportJson(report.summary(), report.dryRun(), counts, files);
    }
}
