package dev.storytracker.web;

/** The request is valid but clashes with the current state, for example a stale version; answered 409. */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
