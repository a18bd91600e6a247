package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.storytracker.BaseEntity;

/** A goal, initiative or milestone of the roadmap; stories are linked to it through {@link StoryLink}. */
@Entity
@Table(name = "roadmap_item")
public class RoadmapItem extends BaseEntity {

    public static final int MAX_TITLE = 200;
    public static final int MAX_IMPACT = 65536;
    public static final int MAX_OWNERS = 20;
    public static final int MAX_OWNER = 200;
    public static final int MAX_URL = 2000;

    @Column(nullable = false, unique = true, length = 120)
    public String slug;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(nullable = false, length = 20)
    public RoadmapLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public RoadmapItem parent;

    @Column(nullable = false, length = 20)
    public RoadmapState state;

    /** Percent done, 0 to 100. */
    @Column(nullable = false)
    public int progress;

    /** Whether {@link #progress} is entered or rolled up from the children (see {@link RoadmapRollup}). */
    @Column(name = "progress_mode", nullable = false, length = 10)
    public ProgressMode progressMode = ProgressMode.MANUAL;

    @ElementCollection
    @CollectionTable(name = "roadmap_owner", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = MAX_OWNER)
    public List<String> owners = new ArrayList<>();

    @Column(name = "landing_url", length = MAX_URL)
    public String landingUrl;

    /** Markdown: what gets better for users when this item is done. */
    @Column(nullable = false, length = MAX_IMPACT)
    public String impact = "";

    @Column(name = "source_path", length = 500)
    public String sourcePath;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    public static Optional<RoadmapItem> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
