package dev.threadlab.run;

/** The two kinds of sandbox work that share the run slots; see {@link LaneQueue} for who goes next. */
public enum Lane {
    /** A learner pressed Run and watches the output. */
    INTERACTIVE,
    /** One sandbox execution of a submission's grading or of the course validation; nobody watches it live. */
    GRADING
}
