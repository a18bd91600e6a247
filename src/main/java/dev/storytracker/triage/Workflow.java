package dev.storytracker.triage;

import static dev.storytracker.story.StoryState.ACCEPTED;
import static dev.storytracker.story.StoryState.CHANGES_REQUESTED;
import static dev.storytracker.story.StoryState.DECLINED;
import static dev.storytracker.story.StoryState.DUPLICATE;
import static dev.storytracker.story.StoryState.IDEA;
import static dev.storytracker.story.StoryState.IN_REVIEW;
import static dev.storytracker.story.StoryState.SUBMITTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storytracker.story.StoryState;

/**
 * The one place that says which triage transitions are allowed (documented in docs/triage.md). A closed story
 * (accepted, declined, duplicate) can only be reopened into review; nothing is ever deleted.
 */
public final class Workflow {

    private static final Map<StoryState, Set<StoryState>> NEXT = new EnumMap<>(StoryState.class);

    static {
        NEXT.put(IDEA, EnumSet.of(SUBMITTED, DECLINED, DUPLICATE));
        NEXT.put(SUBMITTED, EnumSet.of(IN_REVIEW, DECLINED, DUPLICATE));
        NEXT.put(IN_REVIEW, EnumSet.of(CHANGES_REQUESTED, ACCEPTED, DECLINED, DUPLICATE));
        NEXT.put(CHANGES_REQUESTED, EnumSet.of(IN_REVIEW, ACCEPTED, DECLINED, DUPLICATE));
        NEXT.put(ACCEPTED, EnumSet.of(IN_REVIEW));
        NEXT.put(DECLINED, EnumSet.of(IN_REVIEW));
        NEXT.put(DUPLICATE, EnumSet.of(IN_REVIEW));
    }

    /** The states waiting for the working group: the queue. */
    public static final List<StoryState> OPEN = List.of(IDEA, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED);

    private Workflow() {
    }

    public static Set<StoryState> allowedFrom(StoryState from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public static boolean allowed(StoryState from, StoryState to) {
        return NEXT.get(from).contains(to);
    }

    /** The allowed transitions in order, for pages and error messages. */
    public static List<StoryState> nextStates(StoryState from) {
        return NEXT.get(from).stream().sorted().toList();
    }
}
