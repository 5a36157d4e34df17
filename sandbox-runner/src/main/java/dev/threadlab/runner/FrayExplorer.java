package dev.threadlab.runner;

import dev.threadlab.protocol.ScheduleExploration;
import java.util.ArrayList;
import java.util.Random;
import kotlin.Unit;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * The only class that speaks to Fray. It explores with POS (partial-order sampling, Fray's default and its strongest
 * general strategy in its authors' evaluation), each schedule's choices drawn from a {@link Random} whose seed comes
 * from one seeded sequence: the same budget and seed give the same schedules, in the same order.
 */
final class FrayExplorer {
    /** Fray stops exploring after this many seconds; far beyond any sandbox's time limit, so it never decides. */
    private static final int NO_TIMEOUT_SECONDS = 24 * 3600;
    private static final String JDK_HOOK_CLASS = "org.pastalab.fray.runtime.Runtime";

    private FrayExplorer() {
    }

    /**
     * Runs {@code schedule} under the controlled scheduler until it fails or the budget is spent; what Fray found.
     * {@code recorder}, when not null, observes every choice of the scheduler.
     */
    static Throwable explore(Runnable schedule, ScheduleExploration budget, StepRecorder recorder) {
        RandomnessProvider seeds = new SeededRandomness(budget.seed());
        try {
            FrayInTestLauncher.INSTANCE.launchFray(schedule, new POSScheduler(seeds.getRandomness()), seeds,
                    budget.iterations(), NO_TIMEOUT_SECONDS, false, TimelineCoverageType.NONE, configuration -> {
                        if (recorder != null) {
                            configuration.getScheduleObservers().add(recorder);
                        }
                        return Unit.INSTANCE;
                    });
            return null;
        } catch (Throwable found) {
            return found;
        }
    }

    static boolean isDeadlock(Throwable found) {
        for (Throwable t = found; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.pastalab.fray.runtime.DeadlockException")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause: Fray wraps what a schedule threw. */
    static Throwable cause(Throwable found) {
        Throwable cause = found;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The object through which the Fray JDK's instrumented classes reach the scheduler (a public static field, since
     * every instrumented class must reach it): the tested code could replace it to run unscheduled.
     */
    static Object jdkHook() {
        try {
            return Class.forName(JDK_HOOK_CLASS).getField("LOCK_DELEGATE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not a Fray JDK: " + e, e);
        }
    }

    /** Each schedule's randomness from the next seed of one seeded sequence. */
    private static final class SeededRandomness implements RandomnessProvider {
        private final Random seeds;

        SeededRandomness(long seed) {
            this.seeds = new Random(seed);
        }

        @Override
        public Randomness getRandomness() {
            return new ControlledRandom(new ArrayList<>(), new ArrayList<>(), new Random(seeds.nextLong()));
        }
    }
}
