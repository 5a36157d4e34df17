package dev.threadlab.sandbox;

/** One javac message, positioned for an editor marker (line and column start at 1; 0 when unknown). */
public record CompileDiagnostic(String file, long line, long column, String severity, String message) {
}
