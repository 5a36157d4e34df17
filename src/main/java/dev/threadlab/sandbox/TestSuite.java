package dev.threadlab.sandbox;

import java.util.List;
import java.util.Map;

/**
 * JUnit 5 test classes to run against the program's sources, inside the sandbox, {@code repeat} times in one JVM
 * (a race must show in every run to be caught reliably). Results come back on a channel the program cannot write
 * to (see TestRunner.java in sandbox-image), never through its stdout.
 */
public record TestSuite(Map<String, String> files, List<String> classes, int repeat) {
}
