import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a sandbox container's CPU went, printed when the program's JVM exits: bench/ImageTraceCost.java compiles this
 * beside a program when run with {@code --cpu}. One line, "cpu name=ms ...": the whole container (its cgroup), the
 * program's JVM ("jvm"), and every thread still alive at the end, of every process in the container, as
 * "process/thread" by their OS names (digits at the end dropped, so a JVM's "C2 CompilerThread0" and "...1" add up as
 * "java/C2_CompilerThread"). Threads that ended before count only in the container's and their JVM's totals.
 */
public final class CpuReport {
    private CpuReport() {
    }

    public static void atExit() {
        // A class, not a lambda: the JVM's first lambda costs milliseconds of bootstrap, which would be counted.
        Runtime.getRuntime().addShutdownHook(new Thread("cpu-report") {
            @Override
            public void run() {
                print();
            }
        });
    }

    private static void print() {
        Map<String, Long> cpu = new TreeMap<>();
        try {
            cpu.put("container", Long.parseLong(Files.readString(Path.of("/sys/fs/cgroup/cpuacct/cpuacct.usage")).trim()) / 1_000_000);
            cpu.put("jvm", milliseconds(Path.of("/proc/self/stat")));
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    addThreads(process, cpu);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("cpu unknown: " + e);
            return;
        }
        StringBuilder line = new StringBuilder("cpu");
        cpu.forEach((name, ms) -> line.append(' ').append(name).append('=').append(ms));
        System.out.println(line);
    }

    private static void addThreads(Path process, Map<String, Long> cpu) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
            String command = Files.readString(process.resolve("comm")).strip();
            for (Path task : tasks) {
                Path stat = task.resolve("stat");
                String text = Files.readString(stat);
                String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replaceAll("[0-9]+$", "").strip();
                cpu.merge(command + "/" + name.replace(' ', '_'), milliseconds(stat), Long::sum);
            }
        } catch (IOException | RuntimeException ended) {
            // a process or thread that ended meanwhile
        }
    }

    /** utime + stime of a /proc stat file, in ms (the kernel counts ticks of 10 ms). */
    private static long milliseconds(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
