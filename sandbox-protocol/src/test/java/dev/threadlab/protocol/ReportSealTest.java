package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReportSealTest {
    private final String key = ReportSeal.newKey();
    private final ReportSeal runner = ReportSeal.ofHex(key);
    private final ReportSeal server = ReportSeal.ofHex(key);
    private final RunnerReport.TestResult passed = new RunnerReport.TestResult(1, "BankAccountTest", "deposits", true, "");

    @Test
    void sealedReportsOpenInOrder() throws Exception {
        String first = runner.seal(passed);
        String done = runner.seal(new RunnerReport.Done());
        assertEquals(passed, server.open(first));
        assertInstanceOf(RunnerReport.Done.class, server.open(done));
    }

    @Test
    void aReportSealedWithAnotherKeyIsRefused() {
        String forged = ReportSeal.ofHex(ReportSeal.newKey()).seal(passed);
        assertThrows(ProtocolViolation.class, () -> server.open(forged));
    }

    @Test
    void anUnsealedOrEditedReportIsRefused() {
        assertThrows(ProtocolViolation.class, () -> server.open(passed.toJson()));
        String sealed = runner.seal(new RunnerReport.TestResult(1, "BankAccountTest", "deposits", false, "lost 3"));
        assertThrows(ProtocolViolation.class, () -> server.open(sealed.replace("\"passed\":false", "\"passed\":true")));
    }

    @Test
    void repeatedOrReorderedReportsAreRefused() throws Exception {
        String first = runner.seal(passed);
        String second = runner.seal(passed);
        assertThrows(ProtocolViolation.class, () -> server.open(second));
        server.open(first);
        assertThrows(ProtocolViolation.class, () -> server.open(first));
        server.open(second);
    }

    @Test
    void aScheduleResultTravelsSealedAndItsVerdictCannotBeEdited() throws Exception {
        RunnerReport.ScheduleResult deadlock = new RunnerReport.ScheduleResult("TransferScheduleTest", "crossTransfers",
                ScheduleVerdict.DEADLOCK, 17, "");
        String sealed = runner.seal(deadlock);
        assertThrows(ProtocolViolation.class, () -> server.open(sealed.replace("DEADLOCK", "PASSED")));
        assertEquals(deadlock, server.open(sealed));
        RunnerReport.ScheduleStep step = new RunnerReport.ScheduleStep("TransferScheduleTest", "crossTransfers", 3,
                "clerk-1", ScheduleStepKind.LOCK, "ReentrantLock.lock", "Bank.transfer(Bank.java:" + "9".repeat(300));
        RunnerReport opened = server.open(runner.seal(step));
        assertEquals(step, opened);
        assertEquals(RunnerReport.ScheduleStep.MAX_STEP_TEXT + 1, step.at().length());
    }

    @Test
    void longMessagesAreCut() {
        String message = "x".repeat(10_000);
        RunnerReport.TestResult failed = new RunnerReport.TestResult(1, "T", "m", false, message);
        assertEquals(RunnerReport.MAX_MESSAGE + 1, failed.message().length());
    }
}
