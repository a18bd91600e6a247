package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;

/**
 * The overview table of {@code roadmap.md}: {@code | Deliverable | State | Progress | Owner |}. Goal rows start with
 * 🔻, initiative rows with {@code &nbsp;&nbsp;↳} (deeper indentation makes a milestone); the deliverable is usually a
 * reference-style link. State is an emoji, progress a bar of ▰ and ▱, owners reference links.
 */
final class RoadmapTable {

    private static final Pattern INLINE = Pattern.compile("^\\[([^\\]]+)\\]\\(\\s*([^)\\s]+)[^)]*\\)");
    private static final Pattern FULL_REF = Pattern.compile("^\\[([^\\]]+)\\]\\[([^\\]]*)\\]");
    private static final Pattern SHORTCUT = Pattern.compile("^\\[([^\\]]+)\\]");
    private static final Pattern OWNER = Pattern.compile("\\[([^\\]]+)\\](?:\\([^)]*\\)|\\[[^\\]]*\\])?");

    /**
     * One deliverable row. {@code label} is the reference label its link uses (null for an inline link or no link),
     * {@code destination} the link target when known.
     */
    record Row(RoadmapLevel level, String title, String label, String destination, String state, String progress,
            List<String> owners) {
    }

    private RoadmapTable() {
    }

    static List<Row> parse(PageText table) {
        int stateAt = 1;
        int progressAt = 2;
        int ownerAt = 3;
        List<Row> rows = new ArrayList<>();
        for (String line : table.text().split("\n")) {
            if (!line.strip().startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            List<String> lower = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            if (lower.stream().anyMatch(c -> c.contains("deliverable"))) {
                stateAt = indexOf(lower, "state", stateAt);
                progressAt = indexOf(lower, "progress", progressAt);
                ownerAt = indexOf(lower, "owner", ownerAt);
                continue;
            }
            String first = cells.isEmpty() ? "" : cells.get(0).replace("&nbsp;", "\u00a0");
            int indent = 0;
            while (indent < first.length() && (first.charAt(indent) == '\u00a0' || first.charAt(indent) == ' ')) {
                indent++;
            }
            String rest = first.substring(indent);
            RoadmapLevel level;
            if (rest.startsWith("🔻")) {
                level = RoadmapLevel.GOAL;
                rest = rest.substring("🔻".length()).strip();
            } else if (rest.startsWith("↳")) {
                level = first.substring(0, indent).replace(" ", "").length() > 2 ? RoadmapLevel.MILESTONE
                        : RoadmapLevel.INITIATIVE;
                rest = rest.substring(1).strip();
            } else {
                continue;
            }
            rows.add(row(level, rest, table.defs(), cell(cells, stateAt), cell(cells, progressAt),
                    owners(cell(cells, ownerAt))));
        }
        return rows;
    }

    private static Row row(RoadmapLevel level, String text, RefDefs defs, String state, String progress,
            List<String> owners) {
        Matcher inline = INLINE.matcher(text);
        if (inline.find()) {
            return new Row(level, inline.group(1).strip(), null, inline.group(2), state, progress, owners);
        }
        Matcher full = FULL_REF.matcher(text);
        Matcher shortcut = SHORTCUT.matcher(text);
        String title;
        String label;
        if (full.find()) {
            title = full.group(1).strip();
            label = full.group(2).isBlank() ? title : full.group(2);
        } else if (shortcut.find()) {
            title = shortcut.group(1).strip();
            label = title;
        } else {
            return new Row(level, text.strip(), null, null, state, progress, owners);
        }
        return new Row(level, title, label, defs.get(label).map(RefDefs.Def::url).orElse(null), state, progress,
                owners);
    }

    /** The state an emoji stands for; variation selectors, skin tones and spaces around it are ignored. */
    static Optional<RoadmapState> state(String cell) {
        String e = cell.replaceAll("[\\s\u00a0\ufe0f\ufe0e]", "").replaceAll("[\\x{1F3FB}-\\x{1F3FF}]", "")
                .replace("&nbsp;", "");
        return switch (e) {
            case "✅" -> Optional.of(RoadmapState.DONE);
            case "🦀" -> Optional.of(RoadmapState.IN_PROGRESS);
            case "✋" -> Optional.of(RoadmapState.HELP_WANTED);
            case "💤" -> Optional.of(RoadmapState.PAUSED);
            default -> Optional.empty();
        };
    }

    /** Filled ▰ out of all ▰ and ▱, in percent; empty when the cell holds no bar. */
    static OptionalInt progress(String cell) {
        long filled = cell.chars().filter(c -> c == '▰').count();
        long empty = cell.chars().filter(c -> c == '▱').count();
        if (filled + empty == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.round(100.0 * filled / (filled + empty)));
    }

    private static List<String> owners(String cell) {
        List<String> owners = new ArrayList<>();
        Matcher m = OWNER.matcher(cell);
        while (m.find()) {
            owners.add(m.group(1).strip());
        }
        if (owners.isEmpty() && !cell.isBlank()) {
            Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(owners::add);
        }
        return owners;
    }

    private static List<String> cells(String line) {
        String t = line.strip();
        t = t.substring(1);
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : t.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static int indexOf(List<String> header, String word, int fallback) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).contains(word)) {
                return i;
            }
        }
        return fallback;
    }
}
