package dev.storytracker.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A sample project a story may be set in. */
@Entity
@Table(name = "project")
public class Project extends CatalogEntry {

    public static Optional<Project> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Project> listBySlug() {
        return list("order by slug");
    }
}
