package dev.storytracker.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A topic a story is tagged with, such as cancellation or debugging. */
@Entity
@Table(name = "theme")
public class Theme extends CatalogEntry {

    public static Optional<Theme> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Theme> listBySlug() {
        return list("order by slug");
    }
}
