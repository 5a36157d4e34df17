package dev.threadlab.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the test runner reports, one sealed line each (see {@link ReportSeal}): a test's result (a schedule check's,
 * in SCHEDULE runs), then "done".
 */
public sealed interface RunnerReport {
    /** Longest failure message a report carries. */
    int MAX_MESSAGE = 600;
    /**
     * The two headings of a failure Lincheck found, as the runner shortens it: the results, then the interleaving,
     * one {@code Thread n: step} a line under each. The server words the headings in the learner's language.
     */
    String LINCHECK_RESULTS = "Lincheck found results that no one-call-at-a-time order gives:";
    String LINCHECK_INTERLEAVING = "The interleaving that gives them:";

    String toJson();

    static RunnerReport fromJson(String text) throws ProtocolViolation {
        Map<String, Object> fields = FlatJson.read(text);
        if (fields.containsKey("done")) {
            return new Done();
        }
        if (fields.containsKey("step")) {
            return new ScheduleStep(FlatJson.string(fields, "className"), FlatJson.string(fields, "method"),
                    (int) FlatJson.number(fields, "step"), FlatJson.string(fields, "thread"),
                    constant(ScheduleStepKind.class, fields, "kind"), FlatJson.string(fields, "call"),
                    FlatJson.string(fields, "at"));
        }
        if (fields.containsKey("verdict")) {
            return new ScheduleResult(FlatJson.string(fields, "className"), FlatJson.string(fields, "method"),
                    constant(ScheduleVerdict.class, fields, "verdict"), (int) FlatJson.number(fields, "schedule"),
                    FlatJson.string(fields, "message"));
        }
        return new TestResult((int) FlatJson.number(fields, "run"), FlatJson.string(fields, "className"),
                FlatJson.string(fields, "method"), FlatJson.flag(fields, "passed"), FlatJson.string(fields, "message"));
    }

    /** A field that names one of an enum's constants; any other text is a violation. */
    private static <E extends Enum<E>> E constant(Class<E> type, Map<String, Object> fields, String name)
            throws ProtocolViolation {
        try {
            return Enum.valueOf(type, FlatJson.string(fields, name));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("a report whose " + name + " is not one of " + type.getSimpleName() + "'s");
        }
    }

    /** One test (or, with method "", a whole class that failed) in one of the repeated runs. */
    record TestResult(int run, String className, String method, boolean passed, String message) implements RunnerReport {
        public TestResult {
            message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        }

        @Override
        public String toJson() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("run", run);
            fields.put("className", className);
            fields.put("method", method);
            fields.put("passed", passed);
            fields.put("message", message);
            return FlatJson.write(fields);
        }
    }

    /**
     * One test method explored under the controlled scheduler: how it ended, at which schedule (from 1; for
     * {@link ScheduleVerdict#PASSED}, how many ran) and the failure's words.
     */
    record ScheduleResult(String className, String method, ScheduleVerdict verdict, int schedule, String message)
            implements RunnerReport {
        public ScheduleResult {
            message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        }

        @Override
        public String toJson() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("className", className);
            fields.put("method", method);
            fields.put("verdict", verdict.name());
            fields.put("schedule", schedule);
            fields.put("message", message);
            return FlatJson.write(fields);
        }
    }

    /**
     * One step of the failing schedule of a test method, replayed (sent before its {@link ScheduleResult}): the
     * {@code step}-th time the scheduler chose a thread (from 1), which thread, what it was about to do, the library
     * call it was in ({@code call}, e.g. "ConcurrentHashMap.put") and where the tested code made it ({@code at}, e.g.
     * "SeatMap.book(SeatMap.java:12)"); texts are cut to {@link #MAX_STEP_TEXT}.
     */
    record ScheduleStep(String className, String method, int step, String thread, ScheduleStepKind kind, String call,
            String at) implements RunnerReport {
        public static final int MAX_STEP_TEXT = 160;
        /** Steps a failing schedule sends at most: its last ones, which end where it broke. */
        public static final int MAX_STEPS = 200;

        public ScheduleStep {
            thread = cut(thread);
            call = cut(call);
            at = cut(at);
        }

        private static String cut(String text) {
            return text.length() > MAX_STEP_TEXT ? text.substring(0, MAX_STEP_TEXT) + "…" : text;
        }

        @Override
        public String toJson() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("className", className);
            fields.put("method", method);
            fields.put("step", step);
            fields.put("thread", thread);
            fields.put("kind", kind.name());
            fields.put("call", call);
            fields.put("at", at);
            return FlatJson.write(fields);
        }
    }

    /** Every test class ran to its end; a run without this was cut short. */
    record Done() implements RunnerReport {
        @Override
        public String toJson() {
            return FlatJson.write(Map.of("done", true));
        }
    }
}
