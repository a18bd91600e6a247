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

/** A working-group comment on a story (markdown); marked {@code toWriter} it is a request shown to the writer. */
@Entity
@Table(name = "story_comment")
public class Comment extends IdentifiedEntity {

    public static final int MAX_BODY = 16384;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    @Column(nullable = false, length = 100)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false, length = MAX_BODY)
    public String body;

    @Column(name = "to_writer", nullable = false)
    public boolean toWriter;

    public static List<Comment> forWriter(Story story) {
        return list("story = ?1 and toWriter = true order by createdAt, id", story);
    }
}
