package dev.storytracker.story;

/**
 * Fired (synchronously, in the writer's transaction, after a flush) when a story was created or its kind, character
 * or themes were revised, so that what is derived from them elsewhere, such as the stored counts, follows without
 * this package knowing about it.
 */
public record StoryChanged(long storyId) {
}
