package dev.threadlab.run;

import dev.threadlab.sandbox.CompileDiagnostic;
import java.util.List;

/** Body of {@code GET /api/runs/{id}}. */
public record RunView(String id, RunStatus status, Integer exitCode, String stdout, String stderr,
        List<CompileDiagnostic> diagnostics, Long durationMs, Integer queuePosition, String message) {
}
