package dev.storytracker.story;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One question of a story's "Frequently Asked Questions" section with its markdown answer. */
@Embeddable
public class FaqEntry {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_ANSWER = 16384;

    @Column(nullable = false, length = MAX_QUESTION)
    public String question;

    @Column(nullable = false, length = MAX_ANSWER)
    public String answer;

    public FaqEntry() {
    }

    public FaqEntry(String question, String answer) {
        this.question = question;
        this.answer = answer;
    }
}
