package dev.storytracker.triage;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.storytracker.IdentifiedEntity;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryState;

/** One change of a story's state: who moved it, when, from where to where, and why. Never updated or deleted. */
@Entity
@Table(name = "triage_event")
public class TriageEvent extends IdentifiedEntity {

    public static final int MAX_NOTE = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    /** Null for the event that created the story. */
    @Column(name = "from_state", length = 30)
    public StoryState fromState;

    @Column(name = "to_state", nullable = false, length = 30)
    public StoryState toState;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(length = MAX_NOTE)
    public String note;

    public static TriageEvent record(Story story, StoryState from, StoryState to, String actor, String note) {
        TriageEvent event = new TriageEvent();
        event.story = story;
        event.fromState = from;
        event.toState = to;
        event.actor = actor;
        event.occurredAt = Instant.now();
        event.note = note;
        event.persist();
        return event;
    }

    public static List<TriageEvent> forStory(Story story) {
        return list("story = ?1 order by occurredAt, id", story);
    }
}
