package dev.storytracker.story;

import java.util.List;

/**
 * The working group's requests to a story's writer, shown on the private edit page. Implemented by triage, which owns
 * comments; the story pages only ask for them.
 */
public interface WriterRequests {

    List<StoryFormView.Request> forWriter(Story story);
}
