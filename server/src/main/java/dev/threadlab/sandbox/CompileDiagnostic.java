package dev.threadlab.sandbox;

import dev.threadlab.protocol.Diagnostic;
import java.util.Locale;

/** One javac message, positioned for an editor marker (line and column start at 1; 0 when unknown). */
public record CompileDiagnostic(String file, long line, long column, String severity, String message) {

    /** The message as the launcher or the compile service sent it. */
    static CompileDiagnostic from(Diagnostic d) {
        return new CompileDiagnostic(d.file(), d.line(), d.column(), d.severity().name().toLowerCase(Locale.ROOT), d.message());
    }
}
