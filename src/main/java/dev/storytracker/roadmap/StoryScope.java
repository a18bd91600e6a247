package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.account.Roles;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.ForbiddenProblem;

/**
 * Which stories a planner query may count for this caller, as a SQL condition on {@code story s}: anonymous callers
 * see accepted stories only (asking for another state is refused, as in the stories API); the working group sees
 * every state unless it filters by one. Kind, character and theme narrow it further. {@code tallyWhere} is the same
 * scope as a condition on the stored counts, {@code item_tally t} (see {@link StoryReach}), or null when it filters by
 * theme: the tally counts stories per theme, not, among the stories of one theme, how many have each other theme.
 */
record StoryScope(String where, String tallyWhere, Map<String, Object> params) {

    static StoryScope of(StoryFilter filter, SecurityIdentity identity) {
        StoryFilter visible = visible(filter, identity);
        List<String> clauses = new ArrayList<>();
        List<String> tally = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        visible.kind().ifPresent(kind -> {
            clauses.add("s.kind = :kind");
            tally.add("t.kind = :kind");
            params.put("kind", kind.slug());
        });
        visible.state().ifPresent(state -> {
            clauses.add("s.state = :state");
            tally.add("t.state = :state");
            params.put("state", state.slug());
        });
        visible.character().ifPresent(character -> {
            String id = "(select sc.id from story_character sc where sc.slug = :character)";
            clauses.add("s.character_id = " + id);
            tally.add("t.character_id = " + id);
            params.put("character", character);
        });
        visible.theme().ifPresent(theme -> {
            clauses.add("exists (select 1 from story_theme fst join theme ft on ft.id = fst.theme_id"
                    + " where fst.story_id = s.id and ft.slug = :theme)");
            params.put("theme", theme);
        });
        return new StoryScope(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses),
                visible.theme().isPresent() ? null : tally.isEmpty() ? "1 = 1" : String.join(" and ", tally),
                Map.copyOf(params));
    }

    /** The filter narrowed to what the caller may see; 403 when an anonymous caller asks for unaccepted stories. */
    static StoryFilter visible(StoryFilter filter, SecurityIdentity identity) {
        if (Roles.isWorkingGroup(identity)) {
            return filter;
        }
        if (filter.state().isPresent() && filter.state().get() != StoryState.ACCEPTED) {
            throw new ForbiddenProblem("Only the working group sees stories that are not accepted yet.");
        }
        return filter.withState(StoryState.ACCEPTED);
    }

    /**
     * Newest first, as an ORDER BY on {@code story s}. When the scope fixes the state it comes first (a constant, so
     * the order is the same): H2 then reads the page off {@code ix_story_state_newest} and stops, instead of sorting
     * every story in scope.
     */
    String newestFirst() {
        return (params.containsKey("state") ? "s.state, " : "") + "s.created_at desc, s.id desc";
    }

    <Q extends Query> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
