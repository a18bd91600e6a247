package dev.storytracker.web;

/** Something named by slug does not exist (or is not visible to the caller); answered 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what, String slug) {
        super("There is no " + what + " '" + slug + "'.");
    }
}
