package dev.storytracker.web;

import java.util.List;

/** The request is valid but clashes with the current state, for example a stale version; answered 409. */
public class ConflictException extends RuntimeException {

    private final String title;
    private final List<String> allowed;

    public ConflictException(String title, String detail) {
        this(title, detail, List.of());
    }

    public ConflictException(String title, String detail, List<String> allowed) {
        super(detail);
        this.title = title;
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }

    public String title() {
        return title;
    }
}
