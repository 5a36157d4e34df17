package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void aSpecSurvivesTheTrip() throws Exception {
        RunSpec spec = RunSpec.tests(List.of("BankAccountTest", "demo.OtherTest"), 10,
                List.of("-XX:CompileCommand=exclude,BankAccount::*", "-Dx=a,b"), ReportSeal.newKey());
        assertEquals(spec, RunSpec.fromJson(spec.toJson()));
        RunSpec run = RunSpec.run("demo.Main", 500, List.of());
        assertEquals(run, RunSpec.fromJson(run.toJson()));
        RunSpec compiled = run.precompiled();
        assertEquals(true, RunSpec.fromJson(compiled.toJson()).compiled());
        RunSpec chinese = run.inLanguage("zh-CN");
        assertEquals(chinese, RunSpec.fromJson(chinese.toJson()));
        assertEquals("zh-CN", RunSpec.fromJson(chinese.precompiled().toJson()).language());
        assertEquals(false, run.compiled());
        assertEquals(JavaRelease.DEFAULT, run.jdk());
        RunSpec older = chinese.onJdk(JavaRelease.JDK_21);
        assertEquals(older, RunSpec.fromJson(older.toJson()));
        assertEquals(JavaRelease.JDK_21, RunSpec.fromJson(older.precompiled().inLanguage("en").toJson()).jdk());
        RunSpec modelChecked = RunSpec.modelChecked(List.of("CounterLincheckTest"), 1, List.of(), ReportSeal.newKey())
                .onJdk(JavaRelease.JDK_21);
        assertEquals(modelChecked, RunSpec.fromJson(modelChecked.toJson()));
        assertEquals(RunSpec.Mode.MODEL_CHECK, RunSpec.fromJson(modelChecked.precompiled().toJson()).mode());
    }

    @Test
    void aScheduleSpecCarriesItsBudgetAndSeedAndRunsOnTheJdkFrayInstruments() throws Exception {
        RunSpec spec = RunSpec.scheduled(List.of("ShelfScheduleTest"), new ScheduleExploration(2000, -7L), List.of(),
                ReportSeal.newKey());
        RunSpec back = RunSpec.fromJson(spec.toJson());
        assertEquals(spec, back);
        assertEquals(new ScheduleExploration(2000, -7L), back.schedule());
        assertEquals(ScheduleExploration.JDK, back.jdk());
        RunSpec translated = RunSpec.fromJson(spec.precompiled().inLanguage("zh-CN").toJson());
        assertEquals(spec.schedule(), translated.schedule());
        assertEquals(true, translated.compiled());
        assertThrows(IllegalArgumentException.class, () -> spec.onJdk(JavaRelease.JDK_21));
    }

    @Test
    void aScheduleSpecIsWholeOrRefused() {
        // Half an exploration, one outside a schedule spec, a budget out of range, a schedule run on JDK 21.
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"SCHEDULE\",\"scheduleIterations\":10}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"TESTS\",\"scheduleIterations\":10,\"scheduleSeed\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"SCHEDULE\",\"scheduleIterations\":0,\"scheduleSeed\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"SCHEDULE\",\"scheduleIterations\":100001,\"scheduleSeed\":1}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"SCHEDULE\",\"jdk\":21,\"scheduleIterations\":10,\"scheduleSeed\":1}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"SCHEDULE\",\"scheduleIterations\":10,\"scheduleSeed\":\"1\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownFieldsAndWrongTypesAreViolations() {
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"mainClass\":\"Main\",\"sudo\":true}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"repeat\":\"3\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"FORMAT_DISK\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson("[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"language\":\"zh CN; rm\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"compiled\":\"yes\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"jdk\":17}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolViolation.class, () -> RunSpec.fromJson(
                "{\"mode\":\"RUN\",\"jdk\":\"25\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void limitsAreClamped() {
        RunSpec spec = new RunSpec(RunSpec.Mode.TESTS, null, List.of("T"), 1000, 100_000, List.of(), null, false, null, null,
                null);
        assertEquals(50, spec.repeat());
        assertEquals(2000, spec.traceSampleHz());
    }
}
