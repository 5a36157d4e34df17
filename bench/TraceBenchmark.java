import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what scheduling traces cost, against a running server (see README, "Benchmarks"):
 *
 *   java bench/TraceBenchmark.java [http://localhost:8080] [repetitions]
 *
 * Runs each program alternately with the trace on and off (so drift in the machine's speed hits both alike; a pair's
 * order alternates too, and every measured run starts when the server's warm pool is full again, so no run shares
 * the CPUs with the refill after the one before) and prints medians as a Markdown table:
 * - hello world: run duration (program start to exit, as the server reports it);
 * - a CPU-bound program with 4 threads: run duration and the work time the program measures itself;
 * - a queue with 100 producer and 100 consumer threads: the same two;
 * - stored trace sizes: hello world, the queue, and 10 000 virtual threads (the virtual-threads lesson's kind);
 * - a trace-heavy program (100 threads contending one lock for 8 s): the stored trace's size.
 */
public final class TraceBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String HELLO = """
            public class Main {
                public static void main(String[] args) {
                    System.out.println("Hello, world");
                }
            }
            """;

    static final String CPU_BOUND = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    long start = System.nanoTime();
                    Thread[] workers = new Thread[4];
                    for (int i = 0; i < workers.length; i++) {
                        workers[i] = new Thread(() -> {
                            long x = 1;
                            for (long n = 0; n < 1_000_000_000L; n++) {
                                x = x * 6364136223846793005L + 1442695040888963407L;
                            }
                            if (x == 42) System.out.println(x);
                        }, "worker-" + i);
                        workers[i].start();
                    }
                    for (Thread w : workers) w.join();
                    System.out.println("work-ms " + (System.nanoTime() - start) / 1_000_000);
                }
            }
            """;

    /** 100 producers and 100 consumers on one bounded queue, each item a little work: contention on every hand-over. */
    static final String QUEUE = """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.atomic.AtomicLong;

            public class Main {
                public static void main(String[] args) throws Exception {
                    long start = System.nanoTime();
                    BlockingQueue<Long> queue = new ArrayBlockingQueue<>(64);
                    AtomicLong total = new AtomicLong();
                    Thread[] threads = new Thread[200];
                    for (int i = 0; i < 100; i++) {
                        long seed = i;
                        threads[i] = new Thread(() -> {
                            try {
                                for (int k = 0; k < 2000; k++) { queue.put(seed * 31 + k); }
                            } catch (InterruptedException e) { }
                        }, "producer-" + i);
                        threads[100 + i] = new Thread(() -> {
                            try {
                                for (int k = 0; k < 2000; k++) {
                                    long x = queue.take();
                                    for (int n = 0; n < 20_000; n++) { x = x * 6364136223846793005L + 1442695040888963407L; }
                                    total.addAndGet(x & 1);
                                }
                            } catch (InterruptedException e) { }
                        }, "consumer-" + i);
                    }
                    for (Thread t : threads) t.start();
                    for (Thread t : threads) t.join();
                    System.out.println("work-ms " + (System.nanoTime() - start) / 1_000_000 + " odd " + total.get());
                }
            }
            """;

    /** The virtual-threads lesson's kind of program: 10 000 virtual threads, each sleeping a moment. */
    static final String VIRTUAL = """
            import java.util.concurrent.Executors;

            public class Main {
                public static void main(String[] args) throws Exception {
                    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int i = 0; i < 10_000; i++) {
                            executor.submit(() -> { Thread.sleep(200); return 0; });
                        }
                    }
                    System.out.println("done");
                }
            }
            """;

    static final String TRACE_HEAVY = """
            public class Main {
                static final Object LOCK = new Object();
                static volatile boolean stop;
                public static void main(String[] args) throws Exception {
                    Thread[] threads = new Thread[100];
                    for (int i = 0; i < threads.length; i++) {
                        threads[i] = new Thread(() -> {
                            while (!stop) {
                                synchronized (LOCK) {
                                    try { Thread.sleep(0, 200_000); } catch (InterruptedException e) { return; }
                                }
                            }
                        }, "contender-" + i);
                        threads[i].start();
                    }
                    Thread.sleep(8000);
                    stop = true;
                    for (Thread t : threads) t.join();
                }
            }
            """;

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://localhost:8080";
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        System.out.printf("Server %s, %d runs per variant, %d CPUs visible to this client%n%n", server, repetitions,
                Runtime.getRuntime().availableProcessors());
        run(server, HELLO, true); // warm up the server and the page cache
        run(server, HELLO, false);

        Pairs hello = Pairs.measure(server, HELLO, repetitions);
        Pairs cpu = Pairs.measure(server, CPU_BOUND, repetitions);
        Pairs queue = Pairs.measure(server, QUEUE, repetitions);
        Result virtual = run(server, VIRTUAL, true);
        String virtualEvents = get(server + "/api/runs/" + virtual.id + "/trace?format=events");
        Result heavy = run(server, TRACE_HEAVY, true);
        String events = get(server + "/api/runs/" + heavy.id + "/trace?format=events");
        String chrome = get(server + "/api/runs/" + heavy.id + "/trace");

        System.out.println("| Measure | Trace off (median) | Trace on (median) | Added | 95 % interval | Budget |");
        System.out.println("|---|---|---|---|---|---|");
        row("Hello world, run duration", hello.durationOff, hello.durationOn, false, "≤ 100 ms");
        row("4 CPU-bound threads, run duration", cpu.durationOff, cpu.durationOn, true, "≤ 10 %");
        row("4 CPU-bound threads, work time measured by the program", cpu.workOff, cpu.workOn, true, "≤ 10 %");
        row("200-thread queue, run duration", queue.durationOff, queue.durationOn, true, "≤ 10 %");
        row("200-thread queue, work time measured by the program", queue.workOff, queue.workOn, true, "≤ 10 %");
        System.out.println();
        System.out.printf(Locale.ROOT, "Stored trace (events, median): hello world %.3f MB, 200-thread queue %.2f MB; "
                + "10 000 virtual threads (status %s, %d virtual lanes) %.2f MB; budget 5 MB%n",
                median(hello.traceBytes) / 1048576.0, median(queue.traceBytes) / 1048576.0, virtual.status,
                virtualEvents.split("\"virtual\":true").length - 1, virtualEvents.length() / 1048576.0);
        System.out.printf(Locale.ROOT, "Trace-heavy run (100 threads contending one lock for 8 s): status %s, stored trace %.2f MB"
                + " as events (budget 5 MB), Chrome export %.2f MB, coarsening note: %s%n",
                heavy.status, events.length() / 1048576.0, chrome.length() / 1048576.0,
                events.contains("\"kind\":\"note\"") ? "yes" : "no");
        System.out.println();
        System.out.println("Raw durations (ms): hello " + hello + "; cpu " + cpu + "; queue " + queue);
    }

    private static void row(String label, List<Long> off, List<Long> on, boolean percent, String budget) {
        long a = median(off);
        long b = median(on);
        double[] interval = interval(off, on, percent);
        String unit = percent ? " %" : " ms";
        System.out.printf(Locale.ROOT, "| %s | %d ms | %d ms | %s | %+.1f to %+.1f%s | %s |%n", label, a, b,
                format(added(a, b, percent), percent), interval[0], interval[1], unit, budget);
    }

    private static double added(long off, long on, boolean percent) {
        return percent ? 100.0 * (on - off) / off : on - off;
    }

    private static String format(double added, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%+.1f %%", added) : Math.round(added) + " ms";
    }

    /**
     * How sure the added cost is, given this machine's noise: the middle 95 % of the added cost over 2 000 bootstrap
     * resamplings of both columns (with a fixed seed, so the same figures give the same interval). A budget inside the
     * interval is neither met nor missed by these runs.
     */
    static double[] interval(List<Long> off, List<Long> on, boolean percent) {
        java.util.Random random = new java.util.Random(42);
        double[] added = new double[2000];
        for (int i = 0; i < added.length; i++) {
            added[i] = added(median(resample(off, random)), median(resample(on, random)), percent);
        }
        java.util.Arrays.sort(added);
        return new double[] {added[(int) (added.length * 0.025)], added[(int) (added.length * 0.975) - 1]};
    }

    private static List<Long> resample(List<Long> values, java.util.Random random) {
        List<Long> sample = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            sample.add(values.get(random.nextInt(values.size())));
        }
        return sample;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    record Result(String id, String status, long durationMs, long workMs) {
    }

    /** One program run alternately with the trace on and off, so drift in the machine's speed hits both alike. */
    record Pairs(List<Long> durationOn, List<Long> durationOff, List<Long> workOn, List<Long> workOff,
            List<Long> traceBytes) {

        static Pairs measure(String server, String source, int repetitions) throws Exception {
            Pairs pairs = new Pairs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            for (int i = 0; i < repetitions; i++) {
                boolean onFirst = i % 2 == 0;
                Result first = measured(server, source, onFirst);
                Result second = measured(server, source, !onFirst);
                Result on = onFirst ? first : second;
                Result off = onFirst ? second : first;
                pairs.durationOn.add(on.durationMs);
                pairs.durationOff.add(off.durationMs);
                pairs.workOn.add(on.workMs);
                pairs.workOff.add(off.workMs);
                pairs.traceBytes.add((long) get(server + "/api/runs/" + on.id + "/trace?format=events").length());
            }
            return pairs;
        }

        @Override
        public String toString() {
            return "off " + durationOff + ", on " + durationOn + " (work off " + workOff + ", on " + workOn + ")";
        }
    }

    private static Result measured(String server, String source, boolean trace) throws Exception {
        awaitFullPool(server);
        return run(server, source, trace);
    }

    /** Waits (at most 20 s) until the warm pool holds its target with none starting, as its readiness reports it. */
    private static void awaitFullPool(String server) throws Exception {
        for (int i = 0; i < 200; i++) {
            String ready = get(server + "/q/health/ready");
            long target = number(ready, "poolTarget");
            if (target < 0 || number(ready, "poolStarting") == 0 && number(ready, "poolReady") >= target) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Result run(String server, String source, boolean trace) throws Exception {
        String body = "{\"language\":\"java\",\"mainClass\":\"Main\",\"trace\":" + trace + ",\"files\":{\"Main.java\":"
                + quote(source) + "}}";
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST /api/runs: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = field(accepted.body(), "id");
        while (true) {
            Thread.sleep(100);
            String view = get(server + "/api/runs/" + id);
            String status = field(view, "status");
            if (!status.equals("QUEUED") && !status.equals("COMPILING") && !status.equals("RUNNING")) {
                Matcher work = Pattern.compile("work-ms (\\d+)").matcher(view);
                return new Result(id, status, Long.parseLong(field(view, "durationMs")), work.find() ? Long.parseLong(work.group(1)) : -1);
            }
        }
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
