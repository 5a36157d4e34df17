package dev.threadlab.run;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts each learner's and each address's unfinished runs and refuses a run beyond the configured limits, so that
 * one client cannot fill the queue for everyone.
 */
final class RunAdmission {
    private final int perLearner;
    private final int perAddress;
    private final Map<String, Integer> active = new HashMap<>();

    RunAdmission(RunConfig.PerClient limits) {
        this.perLearner = limits.maxActive();
        this.perAddress = limits.maxActivePerAddress();
    }

    synchronized void admit(RunClient client) {
        if (count("learner " + client.learner()) >= perLearner) {
            throw new TooManyRunsException("You already have " + perLearner
                    + " runs waiting or running; wait for one to finish (or cancel one) and try again.");
        }
        if (count("address " + client.address()) >= perAddress) {
            throw new TooManyRunsException("Your network address already has " + perAddress
                    + " runs waiting or running; try again when some have finished.");
        }
        active.merge("learner " + client.learner(), 1, Integer::sum);
        active.merge("address " + client.address(), 1, Integer::sum);
    }

    synchronized void release(RunClient client) {
        active.computeIfPresent("learner " + client.learner(), (key, n) -> n > 1 ? n - 1 : null);
        active.computeIfPresent("address " + client.address(), (key, n) -> n > 1 ? n - 1 : null);
    }

    private int count(String key) {
        return active.getOrDefault(key, 0);
    }
}
