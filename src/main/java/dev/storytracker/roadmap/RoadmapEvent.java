package dev.storytracker.roadmap;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.storytracker.IdentifiedEntity;

/**
 * One change of a roadmap item's state (or its creation, with no previous state): who, when, from and to. Written by
 * the roadmap API and by the importer; read by the feed. Never updated.
 */
@Entity
@Table(name = "roadmap_event")
public class RoadmapEvent extends IdentifiedEntity {

    public static final int MAX_NOTE = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    public RoadmapItem item;

    /** Null for the event that created the item. */
    @Column(name = "from_state", length = 20)
    public RoadmapState fromState;

    @Column(name = "to_state", nullable = false, length = 20)
    public RoadmapState toState;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant at;

    @Column(length = MAX_NOTE)
    public String note;

    /** Records the change when there is one; an item whose state stays the same leaves no event. */
    public static void recordIfChanged(RoadmapItem item, RoadmapState from, String actor, String note) {
        if (from == item.state) {
            return;
        }
        RoadmapEvent event = new RoadmapEvent();
        event.item = item;
        event.fromState = from;
        event.toState = item.state;
        event.actor = actor;
        event.at = Instant.now();
        event.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
        event.persist();
    }
}
