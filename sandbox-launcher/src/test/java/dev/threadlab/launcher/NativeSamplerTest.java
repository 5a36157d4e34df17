package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native sampler (src/main/c/threadlab-sampler.c) against real processes, by its lines and through the recorder. */
class NativeSamplerTest {
    private final List<Process> started = new ArrayList<>();
    /** When {@link #sample} sent its command. */
    private long excludedAt;

    @AfterEach
    void endProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aProgramIsSeenSleepingThenRunningThenEnding() throws Exception {
        Process program = shell("sleep 0.4; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; sleep 0.4");
        List<String[]> lines = sample(program, 0, null);
        String pid = Long.toString(program.pid());
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("P") && l[2].equals(pid)), "the process: " + text(lines));
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("T") && l[3].equals(pid) && name(l[4]).equals("sh")), text(lines));
        List<String> states = lines.stream().filter(l -> l[0].equals("S") && l[2].equals(pid)).map(l -> l[3]).toList();
        // The shell may be seen running first, before its first sleep.
        int sleeping = states.indexOf("S");
        int running = sleeping < 0 ? -1 : states.subList(sleeping, states.size()).indexOf("R") + sleeping;
        assertTrue(sleeping >= 0 && running > sleeping && states.subList(running, states.size()).contains("S"),
                "asleep, then running, then asleep: " + states);
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("E") && l[2].equals(pid)), text(lines));
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("X") && l[2].equals(pid)), text(lines));
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("F")), "flush points: " + text(lines));
        assertEquals("D", lines.get(lines.size() - 1)[0], "the last line: " + text(lines));
    }

    @Test
    void aThreadNameCannotForgeLines() throws Exception {
        // The learner chooses its threads' names; a name with a tab and a line break must stay one name.
        Process program = shell("printf 'x\\nS\\t1\\tR\\t0\\t9' > /proc/self/comm; sleep 0.5");
        List<String[]> lines = sample(program, 0, null);
        String pid = Long.toString(program.pid());
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("T") && l[3].equals(pid) && name(l[4]).equals("x\nS\t1\tR\t0\t9")),
                text(lines));
        List<String> threads = lines.stream().filter(l -> l[0].equals("T")).map(l -> l[3]).toList();
        for (String[] line : lines) {
            assertTrue(List.of("P", "T", "S", "E", "X", "F", "D").contains(line[0]), "no forged line: " + text(lines));
            if (line[0].equals("S")) {
                assertEquals(6, line.length, text(lines));
                assertTrue(threads.contains(line[2]), "only threads the sampler found: " + text(lines));
            }
        }
    }

    @Test
    void anExcludedThreadIsNoLongerSampled() throws Exception {
        Process program = shell("sleep 0.3; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");
        List<String[]> lines = sample(program, 100, "x " + program.pid() + "\n");
        String pid = Long.toString(program.pid());
        // Lines of a sample that had begun before the sampler read the command may still name it.
        long after = lines.stream().dropWhile(l -> !l[0].equals("F") || Long.parseLong(l[1]) < excludedAt + 20_000_000)
                .filter(l -> l[0].equals("S") && l[2].equals(pid)).count();
        assertTrue(lines.stream().anyMatch(l -> l[0].equals("S") && l[2].equals(pid)), "sampled before: " + text(lines));
        assertEquals(0, after, "no state after the exclusion, though it ran: " + text(lines));
    }

    @Test
    void theRecorderGetsTheProgramsThreadsNamesAndStates() throws Exception {
        Process program = shell("printf 'kitchen' > /proc/self/comm; sleep 0.3");
        StringBuilder batches = new StringBuilder();
        TraceRecorder recorder = new TraceRecorder(batches::append, System.nanoTime());
        NativeSampler sampler = new NativeSampler(recorder, 500);
        Thread reader = new Thread(sampler);
        reader.start();
        sampler.begin(program.pid());
        program.waitFor(5, TimeUnit.SECONDS);
        sampler.stop(reader);
        String trace = batches.toString();
        assertTrue(trace.contains("\"kind\":\"process\"") && trace.contains("\"pid\":" + program.pid()), trace);
        assertTrue(trace.contains("\"name\":\"kitchen\""), trace);
        assertTrue(trace.contains("\"state\":\"sleeping\""), trace);
        assertTrue(trace.contains("\"kind\":\"thread-end\""), trace);
    }

    private Process shell(String script) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", script).start();
        started.add(process);
        return process;
    }

    /** Samples {@code program} until it ends, sending {@code command} after {@code commandAfterMillis}. */
    private List<String[]> sample(Process program, long commandAfterMillis, String command) throws Exception {
        Process sampler = new ProcessBuilder(NativeSampler.BINARY.toString(), "500", TraceRecorder.TRACER_THREAD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(sampler);
        List<String[]> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(sampler.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line.split("\t", -1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        OutputStream commands = sampler.getOutputStream();
        commands.write((program.pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
        if (command != null) {
            Thread.sleep(commandAfterMillis);
            excludedAt = System.nanoTime();
            commands.write(command.getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        }
        assertTrue(program.waitFor(10, TimeUnit.SECONDS), "the program ends");
        Thread.sleep(100);
        commands.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        commands.flush();
        assertTrue(sampler.waitFor(5, TimeUnit.SECONDS), "the sampler ends when told");
        reader.join(5000);
        return lines;
    }

    private static String name(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    private static String text(List<String[]> lines) {
        return String.join("\n", lines.stream().map(l -> String.join(" ", l)).toList());
    }
}
