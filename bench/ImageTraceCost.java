import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.RunSpec;
import dev.threadlab.protocol.ServerFrame;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the trace costs a program, without the server: runs a program straight in the sandbox image (docker run with
 * the launcher's frames, the run's isolation flags, a warm launcher), alternately traced and untraced, and prints the
 * work time the program reports ({@code work-ms N} on its output) with medians. The server, its warm pool and its
 * compile service are left out, so what differs is only the launcher's sampler and the tracer in the program's JVM.
 *
 *   java -cp "sandbox-image/lib/launcher/*" bench/ImageTraceCost.java <image> <program> [repetitions] [--cpu]
 *
 * The image is the one the server built ({@code docker images threadlab-sandbox}) or one from sandbox-image/build.sh.
 * The program is one of bench/TraceBenchmark.java's, by the name of its constant ({@code QUEUE}, {@code CPU_BOUND}),
 * or a file; it must print "work-ms N". With {@code --cpu}, bench/trace-cost/CpuReport.java is compiled beside it and
 * prints at the JVM's exit where the container's CPU went (the whole container, the program's JVM, each thread still
 * alive); the means of those go out too, traced and untraced side by side. Run from the repository's root.
 *
 *   java -cp "sandbox-image/lib/launcher/*" bench/ImageTraceCost.java --compare <program> <repetitions> <image@hz>...
 *
 * compares variants in rounds instead (each round runs every variant once, in the order given): an image at a sample
 * rate, 0 for untraced. The first is the reference the others' added time is against. For experiments with images
 * that differ in more than the launcher's sample rate, such as bench/trace-cost/native-agent/'s.
 */
public final class ImageTraceCost {
    private static final Pattern WORK = Pattern.compile("work-ms (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?m)^cpu (.*)$");
    /** Summed CPU by name, traced (index 1) and untraced (0), and how many runs reported it. */
    private static final Map<String, long[]> CPU_TOTALS = new TreeMap<>();
    private static final int[] CPU_RUNS = new int[2];
    private static byte[] cpuReport;

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("--compare")) {
            compare(program(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: java -cp \"sandbox-image/lib/launcher/*\" bench/ImageTraceCost.java <image> <program> [repetitions] [--cpu]\n"
                    + "       java -cp \"sandbox-image/lib/launcher/*\" bench/ImageTraceCost.java --compare <program> <repetitions> <image@hz>...");
            System.exit(2);
        }
        String image = args[0];
        String source;
        try {
            source = program(args[1]);
        } catch (IllegalArgumentException unknown) {
            System.err.println(unknown.getMessage());
            System.exit(2);
            return;
        }
        int repetitions = args.length > 2 && !args[2].equals("--cpu") ? Integer.parseInt(args[2]) : 11;
        if (List.of(args).contains("--cpu")) {
            // Registered before the program's clock starts; it prints once everything else has run.
            source = source.replaceFirst("static void main\\(String\\[\\] args\\)[^{]*\\{", "$0 CpuReport.atExit();");
            cpuReport = Files.readAllBytes(Path.of("bench/trace-cost/CpuReport.java"));
        }
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            off.add(run(image, source, 0));
            on.add(run(image, source, 500));
        }
        long medianOff = median(off);
        long medianOn = median(on);
        System.out.printf("work-ms off %s%nwork-ms on  %s%nmedian off %d ms, on %d ms, added %.1f %%%n", off, on,
                medianOff, medianOn, 100.0 * (medianOn - medianOff) / medianOff);
        printCpu();
    }

    /** Runs each variant ({@code image@hz}) once a round and prints each one's median work time. */
    private static void compare(String source, int rounds, List<String> variants) throws Exception {
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String variant : variants) {
                int at = variant.lastIndexOf('@');
                long work = run(variant.substring(0, at), source, Integer.parseInt(variant.substring(at + 1)));
                times.computeIfAbsent(variant, key -> new ArrayList<>()).add(work);
            }
        }
        long reference = median(times.get(variants.get(0)));
        times.forEach((variant, work) -> System.out.printf("%-44s median %5d ms  added %+6.1f %%  %s%n", variant,
                median(work), 100.0 * (median(work) - reference) / reference, work));
    }

    private static long run(String image, String source, int sampleHz) throws Exception {
        List<String> command = List.of("docker", "run", "-i", "--rm", "--init", "--network", "none", "-u", "0:0",
                "--cap-drop", "ALL", "--cap-add", "SETUID", "--cap-add", "SETGID", "--cap-add", "KILL",
                "--security-opt", "no-new-privileges", "--pids-limit", "1024", "-m", "1g", "--memory-swap", "1g",
                "--tmpfs", "/work:rw,nosuid,nodev,noexec,size=256m,uid=10001,gid=10001,mode=0770",
                "--tmpfs", "/tmp:rw,nosuid,nodev,noexec,size=256m,mode=1777", image, "--warm");
        Process docker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = docker.getOutputStream()) {
            in.write(Frame.encode(ServerFrame.SOURCE.code(), Frame.named("Main.java", source.getBytes(StandardCharsets.UTF_8))));
            if (cpuReport != null) {
                in.write(Frame.encode(ServerFrame.SOURCE.code(), Frame.named("CpuReport.java", cpuReport)));
            }
            in.write(Frame.encode(ServerFrame.RUN_SPEC.code(), RunSpec.run("Main", sampleHz, List.of()).toJson()));
            in.flush();
            // The launcher reads stdin until the program ends (the program's own input): the output is read first.
            String output = stdout(docker.getInputStream().readAllBytes());
            Matcher work = WORK.matcher(output);
            docker.waitFor();
            addCpu(output, sampleHz > 0 ? 1 : 0);
            return work.find() ? Long.parseLong(work.group(1)) : -1;
        }
    }

    /** The program's output: the payloads of the launcher's STDOUT frames. */
    private static String stdout(byte[] frames) throws ProtocolViolation {
        StringBuilder text = new StringBuilder();
        FrameDecoder.forLauncherFrames(frame -> {
            if (frame.kind() == LauncherFrame.STDOUT.code()) {
                text.append(frame.text());
            }
        }).accept(frames, 0, frames.length);
        return text.toString();
    }

    /** Adds up a run's "cpu" line. */
    private static void addCpu(String output, int traced) {
        Matcher line = CPU.matcher(output);
        if (!line.find()) {
            return;
        }
        CPU_RUNS[traced]++;
        Matcher entry = Pattern.compile("(\\S+)=(\\d+)").matcher(line.group(1));
        while (entry.find()) {
            CPU_TOTALS.computeIfAbsent(entry.group(1), name -> new long[2])[traced] += Long.parseLong(entry.group(2));
        }
    }

    private static void printCpu() {
        if (CPU_RUNS[0] == 0 || CPU_RUNS[1] == 0) {
            return;
        }
        System.out.printf("CPU, ms a run (mean of %d untraced and %d traced runs):%n", CPU_RUNS[0], CPU_RUNS[1]);
        CPU_TOTALS.forEach((name, sums) -> {
            long off = sums[0] / CPU_RUNS[0];
            long on = sums[1] / CPU_RUNS[1];
            if (off != 0 || on != 0) {
                System.out.printf("  %-34s off %6d  on %6d  added %+6d%n", name, off, on, on - off);
            }
        });
    }

    /** A program of the trace benchmark, by its constant's name, or the text of a file. */
    private static String program(String name) throws Exception {
        if (Files.isRegularFile(Path.of(name))) {
            return Files.readString(Path.of(name));
        }
        String benchmark = Files.readString(Path.of("bench/TraceBenchmark.java"));
        Matcher block = Pattern.compile("static final String " + Pattern.quote(name) + " = \"\"\"\n(.*?)\"\"\";",
                Pattern.DOTALL).matcher(benchmark);
        if (!block.find()) {
            throw new IllegalArgumentException("no program " + name + " in bench/TraceBenchmark.java, and no such file");
        }
        return block.group(1).stripIndent().translateEscapes();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
