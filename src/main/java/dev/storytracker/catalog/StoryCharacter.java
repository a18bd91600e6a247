package dev.storytracker.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One of the cast who tells stories: Alan, Grace, Niklaus or Barbara, or any character a group adds. */
@Entity
@Table(name = "story_character")
public class StoryCharacter extends CatalogEntry {

    public static Optional<StoryCharacter> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<StoryCharacter> listBySlug() {
        return list("order by slug");
    }
}
