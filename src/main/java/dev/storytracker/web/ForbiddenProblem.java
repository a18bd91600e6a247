package dev.storytracker.web;

/** The caller is known but may not do this, for example an edit with the wrong token; answered 403. */
public class ForbiddenProblem extends RuntimeException {

    public ForbiddenProblem(String detail) {
        super(detail);
    }
}
