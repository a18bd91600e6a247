package dev.storytracker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the hostile-text run tried, what the app kept or refused, and what went wrong, for the final report. */
final class Tally {

    /** Per entry point: attempts, texts stored, texts refused with a clear error. */
    private final Map<String, int[]> entries = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int pages;

    void stored(String entry) {
        count(entry)[1]++;
    }

    void refused(String entry) {
        count(entry)[2]++;
    }

    void fail(String entry, HostileVectors.Vector vector, String what) {
        failures.add(entry + " / " + vector + ": " + what);
    }

    void fail(String what) {
        failures.add(what);
    }

    private int[] count(String entry) {
        int[] counts = entries.computeIfAbsent(entry, e -> new int[3]);
        counts[0]++;
        return counts;
    }

    int tried() {
        return entries.values().stream().mapToInt(c -> c[0]).sum();
    }

    int entryPoints() {
        return entries.size();
    }

    String report(int vectors) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Hostile text: %d vectors x %d entry points = %d attempts (%d stored, %d refused),"
                + " %d pages checked, %d failures%n", vectors, entryPoints(), tried(),
                entries.values().stream().mapToInt(c -> c[1]).sum(),
                entries.values().stream().mapToInt(c -> c[2]).sum(), pages, failures.size()));
        entries.forEach((entry, c) -> out.append(String.format("  %-28s tried %4d  stored %4d  refused %4d%n", entry,
                c[0], c[1], c[2])));
        failures.stream().limit(60).forEach(f -> out.append("  FAIL ").append(f).append('\n'));
        if (failures.size() > 60) {
            out.append("  ... and ").append(failures.size() - 60).append(" more\n");
        }
        return out.toString();
    }
}
