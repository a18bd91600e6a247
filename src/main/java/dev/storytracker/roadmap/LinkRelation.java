package dev.storytracker.roadmap;

import dev.storytracker.SlugEnum;

/**
 * Why a story is linked to a roadmap item; each reads "story RELATION item". Files default to {@link #MOTIVATES}.
 * Every relation counts as a link for rollups, gaps and the trace: the relation says how strong the evidence is.
 */
public enum LinkRelation implements SlugEnum {
    /** The story shows the pain that this item removes. */
    MOTIVATES("motivates"),
    /** The item removes part of the story's pain; the rest needs other work (or is out of the roadmap's reach). */
    PARTIALLY_ADDRESSED_BY("partially-addressed-by"),
    /** A shiny-future story shows what life looks like once this item is done. */
    ILLUSTRATES("illustrates"),
    /** The story shows a constraint the item's design must respect (a platform, a habit, a cost) without being its pain. */
    CONSTRAINS("constrains");

    private final String slug;

    LinkRelation(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<LinkRelation> {
        public Converter() {
            super(LinkRelation.class);
        }
    }
}
