package dev.threadlab.grading;

/** How one check went: what the learner sees in the result panel and the API. */
public record CheckResult(String name, boolean passed, int points, int maxPoints, String message) {

    static CheckResult pass(Check check, String message) {
        return new CheckResult(check.name(), true, check.points(), check.points(), message);
    }

    static CheckResult fail(Check check, String message) {
        return new CheckResult(check.name(), false, 0, check.points(), message);
    }
}
