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

    String toJson();

    static RunnerReport fromJson(String text) throws ProtocolViolation {
        Map<String, Object> fields = FlatJson.read(text);
        if (fields.containsKey("done")) {
            return new Done();
        }
        if (fields.containsKey("verdict")) {
            try {
                return new ScheduleResult(FlatJson.string(fields, "className"), FlatJson.string(fields, "method"),
                        ScheduleVerdict.valueOf(FlatJson.string(fields, "verdict")),
                        (int) FlatJson.number(fields, "schedule"), FlatJson.string(fields, "message"));
            } catch (IllegalArgumentException e) {
                throw new ProtocolViolation("a schedule result with an unknown verdict");
            }
        }
        return new TestResult((int) FlatJson.number(fields, "run"), FlatJson.string(fields, "className"),
                FlatJson.string(fields, "method"), FlatJson.flag(fields, "passed"), FlatJson.string(fields, "message"));
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

    /** Every test class ran to its end; a run without this was cut short. */
    record Done() implements RunnerReport {
        @Override
        public String toJson() {
            return FlatJson.write(Map.of("done", true));
        }
    }
}
