package dev.threadlab.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.trace.TraceEvent;
import java.util.List;

/**
 * One message on a run's WebSocket: {@code status}, {@code stdout}, {@code stderr}, {@code diagnostics},
 * {@code trace} (a batch of scheduling events), and finally {@code exit}. Fields that do not apply to a type are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(String type, RunStatus status, Integer queuePosition, String data,
        List<CompileDiagnostic> diagnostics, Integer exitCode, Long durationMs, String message, List<TraceEvent> events) {

    static RunEvent status(RunStatus status, Integer queuePosition) {
        return new RunEvent("status", status, queuePosition, null, null, null, null, null, null);
    }

    static RunEvent stdout(String data) {
        return new RunEvent("stdout", null, null, data, null, null, null, null, null);
    }

    static RunEvent stderr(String data) {
        return new RunEvent("stderr", null, null, data, null, null, null, null, null);
    }

    static RunEvent diagnostics(List<CompileDiagnostic> diagnostics) {
        return new RunEvent("diagnostics", null, null, null, diagnostics, null, null, null, null);
    }

    static RunEvent trace(List<TraceEvent> events) {
        return new RunEvent("trace", null, null, null, null, null, null, null, events);
    }

    static RunEvent exit(RunStatus status, Integer exitCode, Long durationMs, String message) {
        return new RunEvent("exit", status, null, null, null, exitCode, durationMs, message, null);
    }

    public boolean isLast() {
        return "exit".equals(type);
    }
}
