package dev.storytracker.web;

import java.util.List;

/** Input that is well-formed but breaks a rule; answered 400 with one violation per bad field. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidInputException(List<Problem.Violation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Problem.Violation(field, message)));
    }

    /** Runs a check, adding its violations to {@code into} instead of failing at once; null when it failed. */
    public static <T> T collect(List<Problem.Violation> into, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            into.addAll(e.violations());
            return null;
        }
    }

    public static void throwIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
