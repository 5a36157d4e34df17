package dev.threadlab.run;

/**
 * Counts each learner's and each address's unfinished work (runs, or submissions) and refuses more beyond the
 * configured limits with {@link TooManyRunsException} (429), so that one client cannot fill the queue for everyone.
 */
public final class RunAdmission {
    private final int perLearner;
    private final int perAddress;
    private final String what;
    private final String hint;
    private final PairedLimits active = new PairedLimits();

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

    public void admit(RunClient client) {
        switch (active.take("learner " + client.learner(), perLearner, "address " + client.address(), perAddress)) {
            case FIRST -> throw new TooManyRunsException("You already have " + perLearner + " " + what + "; " + hint);
            case SECOND -> throw new TooManyRunsException("Your network address already has " + perAddress + " " + what
                    + "; try again when some have finished.");
            case NEITHER -> {
            }
        }
    }

    public void release(RunClient client) {
        active.give("learner " + client.learner(), "address " + client.address());
    }
}
