package dev.threadlab.run;

import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;

/**
 * One sandbox execution as it goes through the pipeline that runs and graded runs share ({@link SandboxLanes}):
 * <b>prime</b> (the job says what to start, or nothing when it was cancelled while it waited), <b>execute</b> (the
 * sandbox runs it; the job hears it through its listener and may send stdin or cancel), <b>cleanup</b> (exactly one
 * of {@link #ended}, {@link #failed} and {@link #dropped}). Only the pipeline starts sandboxes, so only the slots
 * decide how many run at once.
 */
public interface SandboxJob {

    Lane lane();

    /** Called when the job gets a slot: the program to start, or null when the job no longer wants to run. */
    SandboxProgram prime();

    SandboxListener listener();

    /** The sandbox started the program: from now on the job can talk to it. */
    void started(SandboxExecution execution);

    /** How the program ended (CANCELLED when prime returned null). */
    void ended(SandboxOutcome outcome);

    /** The server could not run the program (the engine is gone, a bug). */
    void failed(RuntimeException error);

    /** The server stops before the job ended; it ran partly or not at all. */
    void dropped();
}
