package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.storytracker.IdentifiedEntity;
import dev.storytracker.story.Story;

/** An explained link saying that a story motivates (or otherwise relates to) a roadmap item; one per pair. */
@Entity
@Table(name = "story_link")
public class StoryLink extends IdentifiedEntity {

    public static final int MAX_NOTE = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    public RoadmapItem item;

    @Column(nullable = false, length = 30)
    public LinkRelation relation;

    @Column(length = MAX_NOTE)
    public String note;

    /** True when the link comes from a story file's {@code roadmap:} list, so re-imports may remove it again. */
    @Column(name = "from_file", nullable = false)
    public boolean fromFile;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who last changed the relation or note through the API; null while the link is as first made. */
    @Column(name = "updated_by", length = 100)
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<StoryLink> forStory(Story story) {
        return list("story", story);
    }

    public static Optional<StoryLink> between(Story story, RoadmapItem item) {
        return find("story = ?1 and item = ?2", story, item).firstResultOptional();
    }
}
