package dev.storytracker.triage;

import java.util.ArrayList;
import java.util.List;

import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryKind;

/**
 * Lays out the dashboard's pictures: plain geometry (positions and sizes) that the templates draw as inline SVG, so
 * every label is escaped by Qute and no chart library or script is needed.
 */
public final class Charts {

    private Charts() {
    }

    /** A bar with its label and value, already placed. */
    public record Bar(String label, long value, int x, int y, int width, int height, int labelX, int labelY,
            int valueX, int valueY) {
    }

    /** A bar chart: horizontal bars for categories, vertical bars for a time line. */
    public record BarChart(String title, String description, int width, int height, List<Bar> bars, boolean vertical,
            long max) {
    }

    /** One cell of a heat map; {@code level} 0 is a gap (no story), 1 to 4 are rising counts. */
    public record Cell(int x, int y, int size, long count, int level, String title, int textX, int textY) {
    }

    /** A positioned label of a heat map's row or column. */
    public record Label(String text, int x, int y) {
    }

    /** A character-by-theme grid of accepted stories of one kind. */
    public record HeatMap(String title, int width, int height, List<Label> rows, List<Label> columns,
            List<Cell> cells, long gaps) {
    }

    static final int LABEL_WIDTH = 150;
    static final int ROW = 26;

    public static BarChart horizontal(String title, String description, List<DashboardQueries.Count> counts) {
        int barArea = 380;
        long max = Math.max(1, counts.stream().mapToLong(DashboardQueries.Count::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            DashboardQueries.Count c = counts.get(i);
            int width = (int) Math.round((double) c.count() / max * barArea);
            int y = 10 + i * ROW;
            bars.add(new Bar(c.label(), c.count(), LABEL_WIDTH, y, Math.max(width, c.count() > 0 ? 2 : 0), 18,
                    LABEL_WIDTH - 8, y + 14, LABEL_WIDTH + width + 6, y + 14));
        }
        return new BarChart(title, description, LABEL_WIDTH + barArea + 60, 20 + counts.size() * ROW, bars, false,
                max);
    }

    public static BarChart vertical(String title, String description, List<DashboardQueries.Count> counts) {
        int chartHeight = 140;
        int slot = 22;
        long max = Math.max(1, counts.stream().mapToLong(DashboardQueries.Count::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            DashboardQueries.Count c = counts.get(i);
            int height = (int) Math.round((double) c.count() / max * chartHeight);
            int x = 40 + i * slot;
            // Label every fourth week counting back from the current one, so dates never overlap.
            boolean labelled = (counts.size() - 1 - i) % 4 == 0;
            bars.add(new Bar(labelled ? c.label().substring(5) : "", c.count(), x, 20 + chartHeight - height,
                    slot - 4, Math.max(height, c.count() > 0 ? 2 : 0), x + (slot - 4) / 2, 20 + chartHeight + 16,
                    x + (slot - 4) / 2, 20 + chartHeight - height - 4));
        }
        return new BarChart(title, description, 60 + counts.size() * slot, chartHeight + 50, bars, true, max);
    }

    public static HeatMap heatMap(String title, DashboardQueries.Coverage coverage, StoryKind kind,
            CatalogQueries.Names names) {
        int size = 30;
        int top = 120;
        List<Label> rows = new ArrayList<>();
        List<Label> columns = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        long max = 1;
        for (long[] row : coverage.counts().get(kind)) {
            for (long cell : row) {
                max = Math.max(max, cell);
            }
        }
        for (int t = 0; t < coverage.themes().size(); t++) {
            columns.add(new Label(names.theme(coverage.themes().get(t)), LABEL_WIDTH + t * size + size / 2 + 4,
                    top - 8));
        }
        for (int c = 0; c < coverage.characters().size(); c++) {
            String character = names.character(coverage.characters().get(c));
            int y = top + c * size;
            rows.add(new Label(character, LABEL_WIDTH - 8, y + size / 2 + 5));
            for (int t = 0; t < coverage.themes().size(); t++) {
                long count = coverage.count(kind, c, t);
                int level = count == 0 ? 0 : (int) Math.min(4, 1 + (count - 1) * 4 / max);
                String theme = names.theme(coverage.themes().get(t));
                String what = count == 0 ? "no story: a gap" : count == 1 ? "1 story" : count + " stories";
                int x = LABEL_WIDTH + t * size;
                cells.add(new Cell(x, y, size - 2, count, level, character + " × " + theme + ": " + what,
                        x + (size - 2) / 2, y + size / 2 + 4));
            }
        }
        // Room on the right for the last column's slanted label.
        return new HeatMap(title, LABEL_WIDTH + coverage.themes().size() * size + 110,
                top + coverage.characters().size() * size + 10, rows, columns, cells, coverage.gaps(kind));
    }
}
