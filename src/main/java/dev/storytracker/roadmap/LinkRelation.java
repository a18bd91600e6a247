package dev.storytracker.roadmap;

import dev.storytracker.SlugEnum;

/** Why a story is linked to a roadmap item. Files only ever produce {@link #MOTIVATES}. */
public enum LinkRelation implements SlugEnum {
    /** The story shows the pain that this item removes. */
    MOTIVATES("motivates");

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
