package dev.storytracker.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** Bean Validation results as {@link Problem.Violation}s named the way the client sent the fields. */
public final class Violations {

    private Violations() {
    }

    public static <T> List<Problem.Violation> of(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(v -> new Problem.Violation(ProblemMappers.fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
    }
}
