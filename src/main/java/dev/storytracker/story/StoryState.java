package dev.storytracker.story;

import dev.storytracker.SlugEnum;

/** Where a story stands in the working group's review. Only {@link #ACCEPTED} stories are public. */
public enum StoryState implements SlugEnum {
    IDEA("idea"),
    SUBMITTED("submitted"),
    IN_REVIEW("in-review"),
    CHANGES_REQUESTED("changes-requested"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    DUPLICATE("duplicate");

    private final String slug;

    StoryState(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    /** Whether the writer may still revise the story through its private edit link. */
    public boolean editableByWriter() {
        return this == IDEA || this == SUBMITTED || this == IN_REVIEW || this == CHANGES_REQUESTED;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<StoryState> {
        public Converter() {
            super(StoryState.class);
        }
    }
}
