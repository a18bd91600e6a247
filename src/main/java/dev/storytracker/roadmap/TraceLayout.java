package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the picture of a trace: stories (or, when there are many, their characters) on the left, flowing into the
 * items they are linked to, which flow into the items above them up to the root on the right. Pure geometry that a
 * Qute tag draws as inline SVG, so every label is escaped and no script or inline style is needed.
 */
public final class TraceLayout {

    /** Past this many distinct stories the picture shows one box per character instead of one per story. */
    public static final int MAX_STORY_BOXES = 40;
    /** Character tones cycle through this many CSS classes ({@code tone-0} ...). */
    public static final int TONES = 6;

    static final int MARGIN = 12;
    static final int TOP = 36;
    static final int BOX_WIDTH = 200;
    static final int GAP = 96;
    static final int ITEM_HEIGHT = 36;
    static final int STORY_HEIGHT = 22;
    static final int SPACING = 10;
    static final int MAX_EDGE = 14;
    static final int LABEL_CHARS = 28;

    private TraceLayout() {
    }

    /** A roadmap item of the traced subtree: {@code stories} counts the distinct stories reaching it (rolled up). */
    public record ItemIn(String slug, String title, RoadmapLevel level, String parent, long stories) {
    }

    /** A story, or a group of stories of one character, on the left; {@code character} picks its tone. */
    public record SourceIn(String key, String label, String character, long stories) {
    }

    /** Stories of a source linked directly to an item. */
    public record FlowIn(String source, String item, long stories) {
    }

    /** A column of the picture, with its heading. */
    public record Column(String heading, int x, int width) {
    }

    /**
     * A placed box: a story, a group, or an item ({@code kind} is a CSS class), with its whole name, the name cut to
     * fit ({@code label}), an optional second line and a tooltip.
     */
    public record Box(String key, String kind, String name, String label, String sub, String title, int x, int y,
            int width,
            int height, int textX, int textY, int subY, String tone, boolean empty) {
    }

    /** A placed connection; {@code width} grows with the number of stories it carries. */
    public record Edge(String from, String to, long stories, String path, int width, String tone, boolean labelled,
            int labelX, int labelY, String title) {
    }

    /** The whole picture. */
    public record Graph(String title, String description, int width, int height, boolean grouped,
            List<Column> columns, List<Box> boxes, List<Edge> edges) {

        public Box box(String key) {
            return boxes.stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
        }
    }

    /**
     * Places the boxes and edges. {@code items} must start with the root and list every item of its subtree (parents
     * before children, siblings in the order to show); {@code characters} gives the order of the character tones.
     */
    public static Graph layout(List<ItemIn> items, List<SourceIn> sources, List<FlowIn> flows, boolean grouped,
            List<String> characters) {
        ItemIn root = items.get(0);
        Map<String, List<ItemIn>> children = new LinkedHashMap<>();
        items.forEach(i -> children.computeIfAbsent(i.parent(), k -> new ArrayList<>()).add(i));
        List<ItemIn> ordered = new ArrayList<>();
        Map<String, Integer> depth = new HashMap<>();
        walk(root, 0, children, ordered, depth);
        int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int columnCount = maxDepth + 2;

        List<List<Box>> columns = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            columns.add(new ArrayList<>());
        }
        for (ItemIn item : ordered) {
            int column = maxDepth - depth.get(item.slug()) + 1;
            columns.get(column).add(new Box(item.slug(), item.level().slug(), item.title(), truncate(item.title()),
                    count(item.stories()) + " · " + item.level().slug(), item.title() + ": " + count(item.stories()),
                    x(column), 0, BOX_WIDTH, ITEM_HEIGHT, 0, 0, 0, "item", item.stories() == 0));
        }
        int sourceHeight = grouped ? ITEM_HEIGHT : STORY_HEIGHT;
        for (SourceIn source : sources) {
            String title = grouped ? source.label() + ": " + count(source.stories()) : source.label();
            columns.get(0).add(new Box(source.key(), grouped ? "group" : "story", source.label(),
                    truncate(source.label()),
                    grouped ? count(source.stories()) : null, title, x(0), 0, BOX_WIDTH, sourceHeight, 0, 0, 0,
                    tone(source.character(), characters), false));
        }
        int inner = columns.stream().mapToInt(TraceLayout::stackHeight).max().orElse(0);
        Map<String, Box> placed = new LinkedHashMap<>();
        for (int c = columnCount - 1; c >= 1; c--) {
            stack(columns.get(c), inner, placed);
        }
        // Sources follow the mean height of the items they flow into, which keeps edges from crossing needlessly.
        Map<String, Double> centre = new HashMap<>();
        for (SourceIn source : sources) {
            centre.put(source.key(), flows.stream().filter(f -> f.source().equals(source.key()))
                    .mapToDouble(f -> placed.get(f.item()).y()).average().orElse(Double.MAX_VALUE));
        }
        columns.get(0).sort(Comparator.comparingDouble((Box b) -> centre.get(b.key())).thenComparing(Box::label));
        stack(columns.get(0), inner, placed);

        List<Pending> pending = new ArrayList<>();
        Map<String, String> tones = new HashMap<>();
        sources.forEach(s -> tones.put(s.key(), tone(s.character(), characters)));
        for (FlowIn flow : flows) {
            Box from = placed.get(flow.source());
            Box to = placed.get(flow.item());
            String title = from.name() + " → " + to.name() + (grouped ? ": " + count(flow.stories()) : "");
            pending.add(new Pending(from, to, flow.stories(), tones.get(flow.source()), grouped, title));
        }
        for (ItemIn item : ordered) {
            if (item != root) {
                Box from = placed.get(item.slug());
                Box to = placed.get(item.parent());
                pending.add(new Pending(from, to, item.stories(), "rollup", item.stories() > 0,
                        item.title() + " → " + to.name() + ": " + count(item.stories())));
            }
        }
        long max = Math.max(1, pending.stream().mapToLong(Pending::stories).max().orElse(1));
        List<Edge> edges = route(pending, max);

        int width = 2 * MARGIN + columnCount * BOX_WIDTH + (columnCount - 1) * GAP;
        List<Column> headings = new ArrayList<>();
        headings.add(new Column(grouped ? "Stories, by character" : "Stories", x(0), BOX_WIDTH));
        for (int c = 1; c < columnCount; c++) {
            headings.add(new Column(heading(columns.get(c)), x(c), BOX_WIDTH));
        }
        long stories = root.stories();
        long empty = ordered.stream().filter(i -> i.stories() == 0).count();
        String description = count(stories) + " reach " + root.title() + " through " + ordered.size()
                + (ordered.size() == 1 ? " roadmap item" : " roadmap items")
                + (grouped ? ", shown by character" : "") + (empty > 0 ? "; " + empty + " with no story yet" : "")
                + ". Wider lines carry more stories.";
        List<Box> boxes = new ArrayList<>(placed.values());
        return new Graph("How stories reach " + root.title(), description, width, TOP + inner + MARGIN, grouped,
                headings, boxes, edges);
    }

    private record Pending(Box from, Box to, long stories, String tone, boolean labelled, String title) {
    }

    private static void walk(ItemIn item, int level, Map<String, List<ItemIn>> children, List<ItemIn> into,
            Map<String, Integer> depth) {
        if (depth.containsKey(item.slug()) || level > RoadmapLevel.values().length) {
            return;
        }
        depth.put(item.slug(), level);
        into.add(item);
        for (ItemIn child : children.getOrDefault(item.slug(), List.of())) {
            walk(child, level + 1, children, into, depth);
        }
    }

    private static int stackHeight(List<Box> column) {
        return column.stream().mapToInt(Box::height).sum() + Math.max(0, column.size() - 1) * SPACING;
    }

    /** Stacks a column's boxes from the top, centred against the tallest column. */
    private static void stack(List<Box> column, int inner, Map<String, Box> placed) {
        int y = TOP + (inner - stackHeight(column)) / 2;
        for (Box b : column) {
            boolean twoLines = b.sub() != null;
            int textY = twoLines ? y + 15 : y + b.height() / 2 + 4;
            placed.put(b.key(), new Box(b.key(), b.kind(), b.name(), b.label(), b.sub(), b.title(), b.x(), y, b.width(),
                    b.height(), b.x() + 8, textY, y + 29, b.tone(), b.empty()));
            y += b.height() + SPACING;
        }
    }

    /**
     * Spreads the ends of the edges along the sides of their boxes, in the order of the boxes at the other end, so
     * edges leave and arrive side by side instead of piling onto one point.
     */
    private static List<Edge> route(List<Pending> pending, long max) {
        Map<String, List<Pending>> out = new HashMap<>();
        Map<String, List<Pending>> in = new HashMap<>();
        for (Pending p : pending) {
            out.computeIfAbsent(p.from().key(), k -> new ArrayList<>()).add(p);
            in.computeIfAbsent(p.to().key(), k -> new ArrayList<>()).add(p);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt((Pending p) -> p.to().y())));
        in.values().forEach(l -> l.sort(Comparator.comparingInt((Pending p) -> p.from().y())));
        List<Edge> edges = new ArrayList<>();
        for (Pending p : pending) {
            int x1 = p.from().x() + p.from().width();
            int y1 = port(p.from(), out.get(p.from().key()).indexOf(p), out.get(p.from().key()).size());
            int x2 = p.to().x();
            int y2 = port(p.to(), in.get(p.to().key()).indexOf(p), in.get(p.to().key()).size());
            int mid = (x1 + x2) / 2;
            String path = "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2;
            int width = (int) Math.max(2, Math.round((double) MAX_EDGE * p.stories() / max));
            edges.add(new Edge(p.from().key(), p.to().key(), p.stories(), path, width, p.tone(), p.labelled(), mid,
                    (y1 + y2) / 2 + 4, p.title()));
        }
        return edges;
    }

    private static int port(Box box, int index, int of) {
        return box.y() + (int) Math.round((double) box.height() * (index + 1) / (of + 1));
    }

    private static int x(int column) {
        return MARGIN + column * (BOX_WIDTH + GAP);
    }

    private static String heading(List<Box> column) {
        List<String> kinds = column.stream().map(Box::kind).distinct().toList();
        if (kinds.size() != 1) {
            return "Items below";
        }
        String plural = column.size() == 1 ? "" : "s";
        return switch (kinds.get(0)) {
            case "goal" -> "Goal" + plural;
            case "initiative" -> "Initiative" + plural;
            default -> "Milestone" + plural;
        };
    }

    static String tone(String character, List<String> characters) {
        int index = character == null ? -1 : characters.indexOf(character);
        return index < 0 ? "tone-none" : "tone-" + (index % TONES);
    }

    static String count(long stories) {
        return stories == 1 ? "1 story" : stories + " stories";
    }

    /** Cuts a label to fit its box; the whole text stays in the box's tooltip. */
    static String truncate(String text) {
        if (text.length() <= LABEL_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LABEL_CHARS - 1);
        return text.substring(0, cut > LABEL_CHARS / 2 ? cut : LABEL_CHARS - 1).strip() + "…";
    }
}
