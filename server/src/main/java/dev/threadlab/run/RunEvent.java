package dev.threadlab.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.threadlab.message.Message;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.trace.TraceEvent;
import java.util.List;
import java.util.Map;

/**
 * One message on a run's WebSocket: {@code status}, {@code stdout}, {@code stderr}, {@code diagnostics},
 * {@code trace} (a batch of scheduling events), and finally {@code exit}. Fields that do not apply to a type are left out of the JSON.
 * Why a run was stopped is {@code message} in English, and {@code messageKey} with {@code args} for the page to say it
 * in its reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(String type, RunStatus status, Integer queuePosition, String data,
        List<CompileDiagnostic> diagnostics, Integer exitCode, Long durationMs, String message, String messageKey,
        Map<String, Object> args, List<TraceEvent> events) {

    static RunEvent status(RunStatus status, Integer queuePosition) {
        return new RunEvent("status", status, queuePosition, null, null, null, null, null, null, null, null);
    }

    static RunEvent stdout(String data) {
        return new RunEvent("stdout", null, null, data, null, null, null, null, null, null, null);
    }

    static RunEvent stderr(String data) {
        return new RunEvent("stderr", null, null, data, null, null, null, null, null, null, null);
    }

    static RunEvent diagnostics(List<CompileDiagnostic> diagnostics) {
        return new RunEvent("diagnostics", null, null, null, diagnostics, null, null, null, null, null, null);
    }

    static RunEvent trace(List<TraceEvent> events) {
        return new RunEvent("trace", null, null, null, null, null, null, null, null, null, events);
    }

    static RunEvent exit(RunStatus status, Integer exitCode, Long durationMs, Message why) {
        return new RunEvent("exit", status, null, null, null, exitCode, durationMs, why == null ? null : why.english(),
                why == null ? null : why.key(), why == null ? null : why.args(), null);
    }

    public boolean isLast() {
        return "exit".equals(type);
    }
}
