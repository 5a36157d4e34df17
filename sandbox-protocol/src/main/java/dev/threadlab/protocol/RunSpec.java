package dev.threadlab.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the launcher is to do with the sources it received, sent as JSON in the {@link ServerFrame#RUN_SPEC} frame.
 *
 * @param mainClass the class whose main runs ({@link Mode#RUN})
 * @param testClasses the hidden JUnit classes to run ({@link Mode#TESTS}, {@link Mode#MODEL_CHECK}, {@link
 *        Mode#SCHEDULE}), sent before as {@link ServerFrame#TEST_CLASS}
 * @param repeat how often the test classes run, in one JVM
 * @param traceSampleHz samples per second of the scheduling trace; 0 records none
 * @param jvmOptions options for the JVM that runs the main class or the tests
 * @param reportKey the per-run key (hex) that seals the test runner's reports ({@link ReportSeal}); only for tests
 * @param compiled the program came compiled by the compile service ({@link ServerFrame#CLASS_FILE}): the launcher only
 *        checks its class names instead of compiling
 * @param language the language of the compiler's messages ({@link MessageLanguage}); null is English
 * @param jdk the JDK the program is compiled for and runs on; null is {@link JavaRelease#DEFAULT}
 * @param schedule how the test classes' schedules are explored; only, and always, for {@link Mode#SCHEDULE}
 */
public record RunSpec(Mode mode, String mainClass, List<String> testClasses, int repeat, int traceSampleHz,
        List<String> jvmOptions, String reportKey, boolean compiled, String language, JavaRelease jdk,
        ScheduleExploration schedule) {

    private static final JsonFactory JSON = new JsonFactory();

    public enum Mode {
        /** Compile, then run the main class. */
        RUN,
        /** Compile, then run the hidden test classes against the compiled program. */
        TESTS,
        /**
         * Compile, then run hidden test classes that call Lincheck's model checker, with its agent and libraries. The
         * server gives them a run of their own: the agent's {@code Instrumentation} is public, so any code in that JVM,
         * the learner's included, could reach the run's key with it.
         */
        MODEL_CHECK,
        /** Only compile; exit 0 when the sources compile. */
        COMPILE_ONLY,
        /**
         * Compile, then run each test method of the hidden test classes under Fray's controlled scheduler
         * ({@link ScheduleExploration}), on {@link ScheduleExploration#JDK}.
         */
        SCHEDULE
    }

    public RunSpec {
        if (mode == null) {
            throw new IllegalArgumentException("a run spec needs a mode");
        }
        testClasses = testClasses == null ? List.of() : List.copyOf(testClasses);
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        repeat = Math.max(1, Math.min(repeat, 50));
        traceSampleHz = traceSampleHz <= 0 ? 0 : Math.max(10, Math.min(traceSampleHz, 2000));
        jdk = jdk == null ? JavaRelease.DEFAULT : jdk;
        if ((mode == Mode.SCHEDULE) != (schedule != null)) {
            throw new IllegalArgumentException("a schedule exploration belongs to a SCHEDULE run spec, and only there");
        }
        if (mode == Mode.SCHEDULE && jdk != ScheduleExploration.JDK) {
            throw new IllegalArgumentException("schedule checks run on JDK " + ScheduleExploration.JDK.feature());
        }
    }

    public static RunSpec run(String mainClass, int traceSampleHz, List<String> jvmOptions) {
        return new RunSpec(Mode.RUN, mainClass, List.of(), 1, traceSampleHz, jvmOptions, null, false, null, null, null);
    }

    public static RunSpec tests(List<String> testClasses, int repeat, List<String> jvmOptions, String reportKey) {
        return new RunSpec(Mode.TESTS, null, testClasses, repeat, 0, jvmOptions, reportKey, false, null, null, null);
    }

    /** Runs {@code testClasses}, which call Lincheck, {@code repeat} times in one JVM with Lincheck's agent. */
    public static RunSpec modelChecked(List<String> testClasses, int repeat, List<String> jvmOptions, String reportKey) {
        return new RunSpec(Mode.MODEL_CHECK, null, testClasses, repeat, 0, jvmOptions, reportKey, false, null, null, null);
    }

    /** Runs each test method of {@code testClasses} under the controlled scheduler, as {@code schedule} says. */
    public static RunSpec scheduled(List<String> testClasses, ScheduleExploration schedule, List<String> jvmOptions,
            String reportKey) {
        return new RunSpec(Mode.SCHEDULE, null, testClasses, 1, 0, jvmOptions, reportKey, false, null,
                ScheduleExploration.JDK, schedule);
    }

    public static RunSpec compileOnly() {
        return new RunSpec(Mode.COMPILE_ONLY, null, List.of(), 1, 0, List.of(), null, false, null, null, null);
    }

    /** This spec for a program whose classes the server sends, compiled ({@link ServerFrame#CLASS_FILE}). */
    public RunSpec precompiled() {
        return new RunSpec(mode, mainClass, testClasses, repeat, traceSampleHz, jvmOptions, reportKey, true, language, jdk,
                schedule);
    }

    /** This spec with the compiler's messages in that language (a BCP 47 tag; null is English). */
    public RunSpec inLanguage(String tag) {
        return new RunSpec(mode, mainClass, testClasses, repeat, traceSampleHz, jvmOptions, reportKey, compiled, tag, jdk,
                schedule);
    }

    /** This spec for that JDK. */
    public RunSpec onJdk(JavaRelease release) {
        return new RunSpec(mode, mainClass, testClasses, repeat, traceSampleHz, jvmOptions, reportKey, compiled, language,
                release, schedule);
    }

    public boolean traced() {
        return traceSampleHz > 0;
    }

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("mode", mode.name());
            if (mainClass != null) {
                json.writeStringField("mainClass", mainClass);
            }
            writeList(json, "testClasses", testClasses);
            json.writeNumberField("repeat", repeat);
            json.writeNumberField("traceSampleHz", traceSampleHz);
            writeList(json, "jvmOptions", jvmOptions);
            if (reportKey != null) {
                json.writeStringField("reportKey", reportKey);
            }
            json.writeBooleanField("compiled", compiled);
            if (language != null) {
                json.writeStringField("language", language);
            }
            json.writeNumberField("jdk", jdk.feature());
            if (schedule != null) {
                json.writeNumberField("scheduleIterations", schedule.iterations());
                json.writeNumberField("scheduleSeed", schedule.seed());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeList(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Reads a spec; unknown fields or wrong types are a violation, not something to guess around. */
    public static RunSpec fromJson(byte[] bytes) throws ProtocolViolation {
        try (JsonParser json = JSON.createParser(bytes)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            Mode mode = null;
            String mainClass = null;
            String reportKey = null;
            List<String> testClasses = List.of();
            List<String> jvmOptions = List.of();
            int repeat = 1;
            int hz = 0;
            boolean compiled = false;
            String language = null;
            JavaRelease jdk = null;
            Integer iterations = null;
            Long seed = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "mode" -> mode = Mode.valueOf(text(json, value));
                    case "mainClass" -> mainClass = text(json, value);
                    case "reportKey" -> reportKey = text(json, value);
                    case "testClasses" -> testClasses = list(json, value);
                    case "jvmOptions" -> jvmOptions = list(json, value);
                    case "repeat" -> repeat = number(json, value);
                    case "traceSampleHz" -> hz = number(json, value);
                    case "compiled" -> compiled = bool(value);
                    case "language" -> language = text(json, value);
                    case "jdk" -> jdk = JavaRelease.of(number(json, value));
                    case "scheduleIterations" -> iterations = number(json, value);
                    case "scheduleSeed" -> seed = longNumber(json, value);
                    default -> throw new ProtocolViolation("an unknown run spec field '" + field + "'");
                }
            }
            if (mode == null) {
                throw new ProtocolViolation("a run spec without a mode");
            }
            MessageLanguage.locale(language);
            if ((iterations == null) != (seed == null)) {
                throw new ProtocolViolation("a run spec with half a schedule exploration");
            }
            ScheduleExploration schedule = iterations == null ? null : new ScheduleExploration(iterations, seed);
            return new RunSpec(mode, mainClass, testClasses, repeat, hz, jvmOptions, reportKey, compiled, language, jdk,
                    schedule);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProtocolViolation("an unreadable run spec: " + e.getMessage());
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws ProtocolViolation {
        if (actual != expected) {
            throw new ProtocolViolation("a run spec with " + actual + " where " + expected + " belongs");
        }
    }

    private static String text(JsonParser json, JsonToken value) throws IOException, ProtocolViolation {
        expect(value, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static int number(JsonParser json, JsonToken value) throws IOException, ProtocolViolation {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        return json.getIntValue();
    }

    private static long longNumber(JsonParser json, JsonToken value) throws IOException, ProtocolViolation {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        return json.getLongValue();
    }

    private static boolean bool(JsonToken value) throws ProtocolViolation {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new ProtocolViolation("a run spec with " + value + " where a boolean belongs");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static List<String> list(JsonParser json, JsonToken value) throws IOException, ProtocolViolation {
        expect(value, JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
            values.add(text(json, item));
        }
        return values;
    }
}
