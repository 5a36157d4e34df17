package dev.threadlab.run;

import dev.threadlab.message.Message;
/**
 * Counts each learner's and each address's unfinished work (runs, or submissions) and refuses more beyond the
 * configured limits with {@link TooManyRunsException} (429), so that one client cannot fill the queue for everyone.
 */
public final class RunAdmission {
    private final int perLearner;
    private final int perAddress;
    private final String work;
    private final PairedLimits active = new PairedLimits();

    /** {@code work} names the work in the messages' keys: "runs" or "submissions". */
    public RunAdmission(int perLearner, int perAddress, String work) {
        this.perLearner = perLearner;
        this.perAddress = perAddress;
        this.work = work;
    }

    static RunAdmission forRuns(RunConfig.PerClient limits) {
        return new RunAdmission(limits.maxActive(), limits.maxActivePerAddress(), "runs");
    }

    public void admit(RunClient client) {
        switch (active.take("learner " + client.learner(), perLearner, "address " + client.address(), perAddress)) {
            case FIRST -> throw new TooManyRunsException(Message.of("tooMany." + work + ".learner", "max", perLearner));
            case SECOND -> throw new TooManyRunsException(Message.of("tooMany." + work + ".address", "max", perAddress));
            case NEITHER -> {
            }
        }
    }

    public void release(RunClient client) {
        active.give("learner " + client.learner(), "address " + client.address());
    }
}
