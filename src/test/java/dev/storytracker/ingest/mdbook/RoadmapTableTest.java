package dev.storytracker.ingest.mdbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;

/** The overview table: row levels, links by any label case, state emoji, progress bars and owners. */
class RoadmapTableTest {

    private static final String TABLE = """
            # Roadmap

            | Deliverable | State | Progress | [Owner] |
            | --- | --- | --- | --- |
            | 🔻 [Fast starts] [[🛠️][help]] | 🦀  | ▰▰▰▱▱▱ | [ann], [Bo B] |
            | &nbsp;&nbsp;↳ [Cold start][COLD] | ✋️ | ▰▱▱▱ | |
            | &nbsp;&nbsp;&nbsp;&nbsp;↳ [Trim](https://example.org/trim) | ✅ | | Cy, Di |
            | &nbsp;&nbsp;↳ tbd | 💤 | ▱▱▱ | |
            | Some other row | ✅ | | |

            [fast starts]: ./roadmap/fast.md
            [cold]: ./roadmap/fast/cold.md
            """;

    private static List<RoadmapTable.Row> rows() {
        return RoadmapTable.parse(PageText.of("vision/roadmap.md", TABLE));
    }

    @Test
    void goal_initiative_and_milestone_rows_are_read_with_their_links() {
        List<RoadmapTable.Row> rows = rows();
        assertEquals(4, rows.size());
        assertEquals(RoadmapLevel.GOAL, rows.get(0).level());
        assertEquals("Fast starts", rows.get(0).title());
        assertEquals("./roadmap/fast.md", rows.get(0).destination());
        assertEquals(RoadmapLevel.INITIATIVE, rows.get(1).level());
        assertEquals("./roadmap/fast/cold.md", rows.get(1).destination());
        assertEquals(RoadmapLevel.MILESTONE, rows.get(2).level());
        assertEquals("https://example.org/trim", rows.get(2).destination());
        assertEquals("tbd", rows.get(3).title());
        assertNull(rows.get(3).destination());
    }

    @Test
    void owners_are_reference_links_or_plain_names() {
        assertEquals(List.of("ann", "Bo B"), rows().get(0).owners());
        assertTrue(rows().get(1).owners().isEmpty());
        assertEquals(List.of("Cy", "Di"), rows().get(2).owners());
    }

    @Test
    void state_emoji_map_to_states_whatever_the_spacing_and_unknown_ones_to_nothing() {
        assertEquals(Optional.of(RoadmapState.IN_PROGRESS), RoadmapTable.state(rows().get(0).state()));
        assertEquals(Optional.of(RoadmapState.HELP_WANTED), RoadmapTable.state("✋🏽 "));
        assertEquals(Optional.of(RoadmapState.DONE), RoadmapTable.state(" ✅"));
        assertEquals(Optional.of(RoadmapState.PAUSED), RoadmapTable.state("💤"));
        assertEquals(Optional.empty(), RoadmapTable.state("🛑"));
    }

    @Test
    void progress_bars_become_percentages() {
        assertEquals(OptionalInt.of(50), RoadmapTable.progress("▰▰▰▱▱▱"));
        assertEquals(OptionalInt.of(25), RoadmapTable.progress("▰▱▱▱"));
        assertEquals(OptionalInt.of(0), RoadmapTable.progress("▱▱▱"));
        assertEquals(OptionalInt.of(100), RoadmapTable.progress("▰▰"));
        assertEquals(OptionalInt.empty(), RoadmapTable.progress(""));
    }
}
