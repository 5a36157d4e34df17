package dev.threadlab.grading;

import dev.threadlab.trace.TraceEvent;
import java.util.List;

/** What grading a submission found: each check's result, and the scheduling trace of its last program run. */
public record Grade(List<CheckResult> checks, List<TraceEvent> trace) {
}
