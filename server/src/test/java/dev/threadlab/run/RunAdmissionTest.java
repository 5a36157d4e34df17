package dev.threadlab.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunAdmissionTest {

    static RunConfig.PerClient limits(int perLearner, int perAddress) {
        return new RunConfig.PerClient() {
            @Override
            public int maxActive() {
                return perLearner;
            }

            @Override
            public int maxActivePerAddress() {
                return perAddress;
            }
        };
    }

    @Test
    void aLearnerGetsTheirShareAndMoreOnceARunEnds() {
        RunAdmission admission = RunAdmission.forRuns(limits(2, 10));
        RunClient learner = RunClient.of("11111111-1111-1111-1111-111111111111", "10.0.0.1");
        admission.admit(learner);
        admission.admit(learner);
        TooManyRunsException refused = assertThrows(TooManyRunsException.class, () -> admission.admit(learner));
        assertTrue(refused.getMessage().contains("2 runs"), refused.getMessage());
        assertDoesNotThrow(() -> admission.admit(RunClient.of(null, "10.0.0.1")), "another learner at the same address");
        admission.release(learner);
        assertDoesNotThrow(() -> admission.admit(learner));
    }

    @Test
    void newCookiesDoNotGetAroundTheAddressLimit() {
        RunAdmission admission = RunAdmission.forRuns(limits(2, 3));
        for (int i = 0; i < 3; i++) {
            admission.admit(RunClient.of("0000000" + i + "-0000-0000-0000-000000000000", "10.0.0.2"));
        }
        TooManyRunsException refused = assertThrows(TooManyRunsException.class,
                () -> admission.admit(RunClient.of("00000009-0000-0000-0000-000000000000", "10.0.0.2")));
        assertTrue(refused.getMessage().contains("address"), refused.getMessage());
        assertDoesNotThrow(() -> admission.admit(RunClient.of(null, "10.0.0.3")), "other addresses are not affected");
    }
}
