package dev.threadlab.run;

/** Where a run is. The first three are not final; every other status is. */
public enum RunStatus {
    QUEUED, COMPILING, RUNNING,
    COMPILE_ERROR, FINISHED, TIMED_OUT, MEMORY_LIMIT, OUTPUT_LIMIT, DEADLOCK, CANCELLED, ERROR;

    public boolean isFinal() {
        return this != QUEUED && this != COMPILING && this != RUNNING;
    }
}
