package dev.storytracker.roadmap;

import java.time.Instant;

/** A link as the links API answers it: the pair, why, whether it comes from a file, who made it and when. */
public record LinkJson(String story, String item, LinkRelation relation, String note, boolean fromFile,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    static LinkJson of(StoryLink link) {
        return new LinkJson(link.story.slug, link.item.slug, link.relation, link.note, link.fromFile, link.createdBy,
                link.createdAt, link.updatedBy, link.updatedAt);
    }
}
