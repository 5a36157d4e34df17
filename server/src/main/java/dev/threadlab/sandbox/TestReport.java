package dev.threadlab.sandbox;

/** One JUnit test's result in one repetition ({@code run}, from 1), as the sandbox's test runner reported it. */
public record TestReport(int run, String className, String method, boolean passed, String message) {
}
