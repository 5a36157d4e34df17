package dev.threadlab.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.protocol.ScheduleStepKind;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's own decisions, without Fray: which methods a schedule check runs, how a step is named. */
class ScheduleRunnerTest {

    static class ShelfScheduleTest {
        @Test
        void zeroWaitersLeft() {
        }

        @Test
        void aWokenConsumerLooksAgain() {
        }

        @Test
        static void staticIsNotATest() {
        }

        @Test
        void takesAnArgument(int n) {
        }

        void notATest() {
        }
    }

    @Test
    void theTestMethodsRunInTheOrderOfTheirNames() {
        List<String> names = ScheduleRunner.testMethods(ShelfScheduleTest.class).stream().map(Method::getName).toList();
        assertEquals(List.of("aWokenConsumerLooksAgain", "zeroWaitersLeft"), names);
    }

    @Test
    void fraysOperationsAreNamedByWhatTheThreadDoes() {
        assertEquals(ScheduleStepKind.LOCK, StepKinds.of("LockLockOperation"));
        assertEquals(ScheduleStepKind.WAIT, StepKinds.of("ObjectWaitBlocked"));
        assertEquals(ScheduleStepKind.WAIT, StepKinds.of("CountDownLatchAwaitBlocking"));
        assertEquals(ScheduleStepKind.NOTIFY, StepKinds.of("ConditionWakeBlocked"));
        assertEquals(ScheduleStepKind.PARK, StepKinds.of("ParkBlocking"));
        assertEquals(ScheduleStepKind.THREAD, StepKinds.of("ThreadStartOperation"));
        assertEquals(ScheduleStepKind.MEMORY, StepKinds.of("MemoryOperation"));
        assertEquals(ScheduleStepKind.SLEEP, StepKinds.of("SleepBlockedOperation"));
        assertEquals(ScheduleStepKind.OTHER, StepKinds.of("SelectorSelectOperation"));
        assertEquals(ScheduleStepKind.OTHER, StepKinds.of(""));
    }
}
