package dev.storytracker.roadmap;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.storytracker.Slugs;

/**
 * What a planner sends to create or edit a roadmap item: the whole item, with the same defaults as a roadmap file.
 * {@code version} is required when editing, so that a concurrent change is reported instead of overwritten;
 * {@code slug} is optional when creating (taken from the title) and cannot change afterwards.
 */
public record RoadmapInput(
        @Size(max = Slugs.MAX_LENGTH, message = "must be at most {max} characters") @Pattern(regexp = Slugs.REGEX, message = Slugs.RULE) String slug,
        @NotBlank(message = "is required") @Size(max = RoadmapItem.MAX_TITLE, message = "must be at most {max} characters") String title,
        @NotBlank(message = "is required") @Pattern(regexp = "goal|initiative|milestone", message = "must be goal, initiative or milestone") String level,
        @Size(max = Slugs.MAX_LENGTH, message = "must be at most {max} characters") @Pattern(regexp = Slugs.REGEX, message = "must be the slug of a roadmap item") String parent,
        @Pattern(regexp = "done|in-progress|help-wanted|paused", message = "must be done, in-progress, help-wanted or paused") String state,
        @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100") Integer progress,
        @Pattern(regexp = "manual|rollup", message = "must be manual or rollup") String progressMode,
        @Size(max = RoadmapItem.MAX_OWNERS, message = "must have at most {max} entries") List<@NotBlank(message = "must not be blank") @Size(max = RoadmapItem.MAX_OWNER, message = "must be at most {max} characters") String> owners,
        @Size(max = RoadmapItem.MAX_URL, message = "must be at most {max} characters") @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String landing,
        @Size(max = RoadmapItem.MAX_IMPACT, message = "must be at most {max} characters") String impact,
        Integer version) {

    public List<String> ownersOrEmpty() {
        return owners == null ? List.of() : owners;
    }
}
