package dev.threadlab.run;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts each learner's and each address's unfinished work (runs, or submissions) and refuses more beyond the
 * configured limits with {@link TooManyRunsException} (429), so that one client cannot fill the queue for everyone.
 */
public final class RunAdmission {
    private final int perLearner;
    private final int perAddress;
    private final String what;
    private final String hint;
    private final Map<String, Integer> active = new HashMap<>();

    /** {@code what} names the work in messages ("submissions waiting or being graded"); {@code hint} says what to do. */
    public RunAdmission(int perLearner, int perAddress, String what, String hint) {
        this.perLearner = perLearner;
        this.perAddress = perAddress;
        this.what = what;
        this.hint = hint;
    }

    static RunAdmission forRuns(RunConfig.PerClient limits) {
        return new RunAdmission(limits.maxActive(), limits.maxActivePerAddress(), "runs waiting or running",
                "wait for one to finish (or cancel one) and try again.");
    }

    public synchronized void admit(RunClient client) {
        if (count("learner " + client.learner()) >= perLearner) {
            throw new TooManyRunsException("You already have " + perLearner + " " + what + "; " + hint);
        }
        if (count("address " + client.address()) >= perAddress) {
            throw new TooManyRunsException("Your network address already has " + perAddress + " " + what
                    + "; try again when some have finished.");
        }
        active.merge("learner " + client.learner(), 1, Integer::sum);
        active.merge("address " + client.address(), 1, Integer::sum);
    }

    public synchronized void release(RunClient client) {
        active.computeIfPresent("learner " + client.learner(), (key, n) -> n > 1 ? n - 1 : null);
        active.computeIfPresent("address " + client.address(), (key, n) -> n > 1 ? n - 1 : null);
    }

    private int count(String key) {
        return active.getOrDefault(key, 0);
    }
}
