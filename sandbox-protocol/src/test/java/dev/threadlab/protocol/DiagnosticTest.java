package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void aDiagnosticSurvivesTheTrip() throws Exception {
        Diagnostic d = new Diagnostic("demo/Main.java", 3, 17, Diagnostic.Severity.ERROR, "';' expected\n  \"quoted\"");
        assertEquals(d, Diagnostic.fromJson(d.toJson()));
    }

    @Test
    void missingFieldsAreViolations() {
        assertThrows(ProtocolViolation.class, () -> Diagnostic.fromJson("{\"file\":\"A.java\"}"));
        assertThrows(ProtocolViolation.class, () -> Diagnostic.fromJson(
                "{\"file\":\"A.java\",\"line\":1,\"column\":1,\"severity\":\"fatal\",\"message\":\"m\"}"));
    }
}
