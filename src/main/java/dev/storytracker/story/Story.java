package dev.storytracker.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

import dev.storytracker.BaseEntity;
import dev.storytracker.NulFreeText;
import dev.storytracker.account.User;
import dev.storytracker.catalog.Project;
import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.catalog.Theme;

/** A status-quo or shiny-future story, told by one character, as submitted by a writer or imported from a file. */
@Entity
@Table(name = "story")
// The text lives in a table of its own, so that queries over many stories never read it (see V6's migration).
@SecondaryTable(name = "story_text", pkJoinColumns = @PrimaryKeyJoinColumn(name = "story_id"))
public class Story extends BaseEntity {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    /** The markdown body's limit, in bytes of UTF-8. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_THEMES = 20;
    public static final int MAX_PROJECTS = 20;
    public static final int MAX_AUTHORS = 20;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_RETELLS = 20;
    public static final int MAX_FAQ = 30;
    public static final int MAX_FLAGS = 20;
    public static final int MAX_FLAG = 500;

    @Column(nullable = false, unique = true, length = 120)
    public String slug;

    @Column(nullable = false, length = 20)
    public StoryKind kind;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(nullable = false, length = MAX_SUMMARY)
    public String summary;

    @Column(table = "story_text", nullable = false, length = MAX_BODY_BYTES)
    public String body;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "character_id")
    public StoryCharacter character;

    @ManyToMany
    @JoinTable(name = "story_theme", joinColumns = @JoinColumn(name = "story_id"), inverseJoinColumns = @JoinColumn(name = "theme_id"))
    public Set<Theme> themes = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "story_project", joinColumns = @JoinColumn(name = "story_id"), inverseJoinColumns = @JoinColumn(name = "project_id"))
    public Set<Project> projects = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "story_author", joinColumns = @JoinColumn(name = "story_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = MAX_AUTHOR)
    public List<String> authors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "story_faq", joinColumns = @JoinColumn(name = "story_id"))
    @OrderColumn(name = "position")
    public List<FaqEntry> faq = new ArrayList<>();

    /** The status-quo stories that this shiny-future story tells again, the way they should go. */
    @ManyToMany
    @JoinTable(name = "story_retell", joinColumns = @JoinColumn(name = "story_id"), inverseJoinColumns = @JoinColumn(name = "retold_id"))
    public Set<Story> retells = new LinkedHashSet<>();

    @Column(nullable = false, length = 30)
    public StoryState state;

    /** The story this one repeats, when the working group marked it a duplicate. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "duplicate_of_id")
    public Story duplicateOf;

    /** The working-group member who looks after the story's review, if any. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public User assignee;

    /** The story this one is a chapter of, when it belongs to a series. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    public Story series;

    /** What an importer could not decide and leaves to the working group, e.g. "no character found". */
    @ElementCollection
    @CollectionTable(name = "story_flag", joinColumns = @JoinColumn(name = "story_id"))
    @OrderColumn(name = "position")
    @Column(name = "message", nullable = false, length = MAX_FLAG)
    public List<String> flags = new ArrayList<>();

    @Column(nullable = false, length = 20)
    public StorySource source;

    @Column(name = "source_path", length = 500)
    public String sourcePath;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    /** SHA-256 of the writer's private edit token; the token itself is never stored. */
    @Column(name = "edit_token_hash", length = 64)
    public String editTokenHash;

    public static Optional<Story> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * Drops U+0000 from the authors and the FAQ, wherever they came from (form, API, file); {@code NulFreeText} does
     * the same for every text column, these lists are collections it does not see. PostgreSQL refuses the character
     * in a text column, which turned a submission holding one into a 500.
     */
    @PrePersist
    @PreUpdate
    void dropNulCharacters() {
        if (authors.stream().anyMatch(a -> a != null && a.indexOf('\0') >= 0)) {
            authors.replaceAll(NulFreeText::strip);
        }
        for (FaqEntry entry : faq) {
            if (entry.question != null && entry.question.indexOf('\0') >= 0) {
                entry.question = NulFreeText.strip(entry.question);
            }
            if (entry.answer != null && entry.answer.indexOf('\0') >= 0) {
                entry.answer = NulFreeText.strip(entry.answer);
            }
        }
    }

}
