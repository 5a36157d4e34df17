package dev.threadlab.sandbox;

import java.util.Map;

/**
 * What to compile and run: source files by relative path, the main class, and optional stdin. When stdin is
 * given it is delivered and then closed; when it is null, stdin stays open for interactive input. {@code trace}
 * records the scheduling trace of every process and thread.
 */
public record SandboxProgram(String runId, Map<String, String> files, String mainClass, String stdin, boolean trace) {
}
