package dev.storytracker.web;

import java.util.ArrayList;
import java.util.List;

/** Checks the {@code page} and {@code size} query parameters of a list request against the configured bounds. */
public record Paging(int page, int size) {

    /** Parameters arrive as text so that "page=x" is a clear 400, not the 404 JAX-RS gives a failed conversion. */
    public static Paging of(String page, String size, int defaultSize, int maxSize) {
        List<Problem.Violation> violations = new ArrayList<>();
        int p = number(page, 1);
        int s = number(size, defaultSize);
        if (p < 1 || p > 1_000_000) {
            violations.add(new Problem.Violation("page", "must be between 1 and 1000000"));
        }
        if (s < 1 || s > maxSize) {
            violations.add(new Problem.Violation("size", "must be between 1 and " + maxSize));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Paging(p, s);
    }

    private static int number(String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public int offset() {
        return (page - 1) * size;
    }
}
