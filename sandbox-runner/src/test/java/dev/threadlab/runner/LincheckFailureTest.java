package dev.threadlab.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.RunnerReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LincheckFailureTest {

    /** What Lincheck 3.7 reported for a volatile balance updated with +=, as it printed it. */
    private static String lostUpdateReport() throws IOException {
        try (InputStream in = LincheckFailureTest.class.getResourceAsStream("lincheck-lost-update.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theResultsAndTheInterleavingAreKeptOneStepALine() throws IOException {
        String report = lostUpdateReport();
        String shortened = LincheckFailure.shortened(report);
        assertEquals("""
                Lincheck found results that no one-call-at-a-time order gives:
                Thread 1: depositTen(): void
                Thread 2: depositOne(): void
                then Thread 1: balance(): 1
                The interleaving that gives them:
                Thread 2: depositOne()
                Thread 2:   account.deposit(1)
                Thread 2:     balance ➜ 0
                Thread 2:     switch
                Thread 1: depositTen()
                Thread 2:     balance = 1
                Thread 2:   result: void
                then Thread 1: balance(): 1""", shortened);
        assertTrue(report.length() > 3000 && shortened.length() < RunnerReport.MAX_MESSAGE, shortened.length() + " chars");
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertNull(LincheckFailure.shortened(new AssertionError("= Invalid execution results =")));
        assertEquals("no table here", LincheckFailure.shortened("no table here\n"));
    }
}
