package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LauncherFrameCheckerTest {
    private final LauncherFrameChecker checker = new LauncherFrameChecker();

    private LauncherFrame send(LauncherFrame kind) throws ProtocolViolation {
        return checker.check(new Frame(kind.code(), new byte[0]));
    }

    @Test
    void aNormalRunGoesThroughItsPhases() throws Exception {
        send(LauncherFrame.COMPILING);
        send(LauncherFrame.DIAGNOSTIC);
        send(LauncherFrame.RUNNING);
        send(LauncherFrame.STDOUT);
        send(LauncherFrame.TRACE);
        send(LauncherFrame.DEADLOCK);
        assertEquals(LaunchPhase.RUNNING, checker.phase());
    }

    @Test
    void aFailedCompilationEndsTheConversation() throws Exception {
        send(LauncherFrame.COMPILING);
        send(LauncherFrame.COMPILE_FAILED);
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.RUNNING));
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.STDOUT));
    }

    @Test
    void compilerMessagesAfterTheProgramStartedAreForged() throws Exception {
        send(LauncherFrame.COMPILING);
        send(LauncherFrame.RUNNING);
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.DIAGNOSTIC));
    }

    @Test
    void theCompileServicesAnswersAreNeverPartOfARun() throws Exception {
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.CLASS_FILE));
        send(LauncherFrame.COMPILING);
        assertThrows(ProtocolViolation.class, () -> new LauncherFrameChecker().check(
                new Frame(LauncherFrame.COMPILED.code(), new byte[] {'1'})));
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.CLASS_FILE));
    }

    @Test
    void outputBeforeTheProgramStartedIsRejected() {
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.STDOUT));
    }

    @Test
    void aSecondDeadlockOrRunningFrameIsRejected() throws Exception {
        send(LauncherFrame.COMPILING);
        send(LauncherFrame.RUNNING);
        send(LauncherFrame.DEADLOCK);
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.DEADLOCK));
    }

    @Test
    void diagnosticsAreCounted() throws Exception {
        send(LauncherFrame.COMPILING);
        for (int i = 0; i < LauncherFrame.DIAGNOSTIC.maxCount(); i++) {
            send(LauncherFrame.DIAGNOSTIC);
        }
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.DIAGNOSTIC));
    }

    @Test
    void theEngineMayStopTheContainerInAnyPhase() throws Exception {
        send(LauncherFrame.STOPPED_FROM_OUTSIDE);
        assertEquals(LaunchPhase.STARTING, checker.phase());
    }

    @Test
    void theLauncherSaysItExitsInAnyPhaseAndNothingMayFollow() throws Exception {
        send(LauncherFrame.COMPILING);
        send(LauncherFrame.EXITING);
        assertEquals(LaunchPhase.COMPILING, checker.phase());
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.RUNNING));
        assertThrows(ProtocolViolation.class, () -> send(LauncherFrame.STOPPED_FROM_OUTSIDE));
    }
}
