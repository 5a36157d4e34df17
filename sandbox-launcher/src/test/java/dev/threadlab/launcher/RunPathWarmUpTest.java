package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunPathWarmUpTest {

    @Test
    void goesThroughEveryStepOfARun() {
        assertTrue(RunPathWarmUp.run(), "every step of the warm-up went through");
    }
}
