package dev.threadlab.run;

import dev.threadlab.sandbox.CompileDiagnostic;
import java.util.List;
import java.util.Map;

/** Body of {@code GET /api/runs/{id}}: {@code message} (English) and {@code messageKey}/{@code args} say why it stopped. */
public record RunView(String id, RunStatus status, Integer exitCode, String stdout, String stderr,
        List<CompileDiagnostic> diagnostics, Long durationMs, Integer queuePosition, String message, String messageKey,
        Map<String, Object> args) {
}
