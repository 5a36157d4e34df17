import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a running server (see README, "Benchmarks") and prints what happened as Markdown:
 *
 *   java bench/LoadBenchmark.java [http://127.0.0.1:8080] [server pid] [sustain seconds]
 *
 * 1. Burst: 20 clients (each its own learner cookie) submit 10 runs each at once = 200 runs; every run must reach
 *    a final status. Counted by status, with latency from submit to final status.
 * 2. Fairness: one client queues 100 runs, then another client submits one; how many of the first client's runs
 *    started before it. Needs the per-learner limit raised to 100 (the default, 10, answers 429 before that; the
 *    benchmark also shows that 429).
 * 3. Sustained: 20 clients each submit a run, wait for its end and submit the next, for the given time (120 s).
 * Throughout, the server's resident memory (VmRSS of the pid) is sampled, and at the end the sandbox containers
 * still present are counted (must be 0).
 */
public final class LoadBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STDOUT = Pattern.compile("\"stdout\"\\s*:\\s*\"([^\"]*)\"");
    private static final List<String> FINAL = List.of("COMPILE_ERROR", "FINISHED", "TIMED_OUT", "MEMORY_LIMIT",
            "OUTPUT_LIMIT", "DEADLOCK", "CANCELLED", "ERROR");

    /** Short programs: the point is the platform's handling, not the programs. */
    private static final String WORK = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    System.out.println(System.currentTimeMillis());
                    Thread.sleep(200);
                }
            }
            """;

    private final String server;
    private final long pid;
    private final List<Long> rssSamplesKb = new CopyOnWriteArrayList<>();

    private LoadBenchmark(String server, long pid) {
        this.server = server;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        long pid = args.length > 1 ? Long.parseLong(args[1]) : -1;
        int sustainSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        new LoadBenchmark(server, pid).run(sustainSeconds);
    }

    private void run(int sustainSeconds) throws Exception {
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                rssSamplesKb.add(rssKb());
                sleep(1000);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        System.out.printf(Locale.ROOT, "Server %s, %d CPUs on this machine, server RSS at start %d MB%n%n", server,
                Runtime.getRuntime().availableProcessors(), rssKb() / 1024);

        burst();
        fairness();
        sustained(sustainSeconds);

        sampling.set(false);
        sampler.join();
        long max = Collections.max(rssSamplesKb) / 1024;
        long last = rssSamplesKb.get(rssSamplesKb.size() - 1) / 1024;
        System.out.printf(Locale.ROOT, "%n**Server memory (RSS):** start %d MB, highest %d MB, end %d MB (%d samples)%n",
                rssSamplesKb.get(0) / 1024, max, last, rssSamplesKb.size());
        System.out.printf(Locale.ROOT, "%n**Sandbox containers left:** %d%n", leftoverContainers());
    }

    private void burst() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        long start = System.nanoTime();
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            String learner = UUID.randomUUID().toString();
            futures.add(clients.submit(() -> {
                List<String> ids = new ArrayList<>();
                List<Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    Submitted s = submit(learner, WORK);
                    if (s.id == null) {
                        outcomes.add(new Outcome("HTTP " + s.httpStatus, 0));
                    } else {
                        ids.add(s.id);
                    }
                }
                for (String id : ids) {
                    outcomes.add(awaitEnd(id, System.nanoTime()));
                }
                return outcomes;
            }));
        }
        List<Outcome> all = new ArrayList<>();
        for (Future<List<Outcome>> f : futures) {
            all.addAll(f.get());
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("## Burst: 20 clients × 10 runs at once");
        System.out.println();
        System.out.printf(Locale.ROOT, "%d runs, all done in %.1f s; by final status: %s%n", all.size(), seconds, count(all));
        System.out.printf(Locale.ROOT, "runs that reached a final status: **%d / 200**%n%n",
                all.stream().filter(o -> FINAL.contains(o.status)).count());
    }

    private void fairness() throws Exception {
        String busy = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        List<String> busyRuns = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            Submitted s = submit(busy, WORK);
            if (s.id != null) {
                busyRuns.add(s.id);
            } else if (s.httpStatus == 429) {
                refused++;
            }
        }
        Submitted other = submit(patient, WORK);
        Outcome patientEnd = awaitEnd(other.id, System.nanoTime());
        long patientStarted = Long.parseLong(patientEnd.stdout.strip());
        int before = 0;
        for (String id : busyRuns) {
            Outcome o = awaitEnd(id, System.nanoTime());
            if (o.stdout != null && !o.stdout.isBlank() && Long.parseLong(o.stdout.strip()) < patientStarted) {
                before++;
            }
        }
        System.out.println("## Fairness: one client queues 100 runs, then another client submits 1");
        System.out.println();
        System.out.printf(Locale.ROOT, "accepted from the busy client: %d (refused with 429: %d)%n", busyRuns.size(), refused);
        System.out.printf(Locale.ROOT, "the other client's run waited %.1f s and started after **%d** of the busy "
                + "client's runs (FIFO would have been %d)%n%n", patientEnd.seconds, before, busyRuns.size());
    }

    private void sustained(int seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Outcome> all = new CopyOnWriteArrayList<>();
        Map<String, Integer> http = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            String learner = UUID.randomUUID().toString();
            futures.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    Submitted s = submit(learner, WORK);
                    if (s.id == null) {
                        http.merge("HTTP " + s.httpStatus, 1, Integer::sum);
                        sleep(1000);
                    } else {
                        all.add(awaitEnd(s.id, t0));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
        List<Double> latencies = all.stream().map(o -> o.seconds).sorted().toList();
        System.out.printf(Locale.ROOT, "## Sustained: 20 clients, one run at a time each, for %d s%n%n", seconds);
        System.out.printf(Locale.ROOT, "%d runs (%.1f per second); by final status: %s; refused: %s%n", all.size(),
                all.size() / (double) seconds, count(all), http.isEmpty() ? "none" : http);
        System.out.printf(Locale.ROOT, "submit to final status: median %.1f s, 95th percentile %.1f s, max %.1f s%n",
                percentile(latencies, 50), percentile(latencies, 95), latencies.get(latencies.size() - 1));
    }

    private record Submitted(String id, int httpStatus) {
    }

    private record Outcome(String status, double seconds, String stdout) {
        Outcome(String status, double seconds) {
            this(status, seconds, null);
        }
    }

    private Submitted submit(String learner, String source) throws Exception {
        String body = "{\"language\":\"java\",\"mainClass\":\"Main\",\"trace\":false,\"files\":{\"Main.java\":"
                + quote(source) + "}}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/api/runs"))
                .header("Content-Type", "application/json")
                .header("Cookie", "threadlab_learner=" + learner + "; csrf-token=" + csrfToken())
                .header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            return new Submitted(null, response.statusCode());
        }
        return new Submitted(find(ID, response.body()), 202);
    }

    private volatile String csrf;

    /** A browser sends the token of the csrf-token cookie, which every page sets, with every change it makes. */
    private String csrfToken() throws Exception {
        if (csrf == null) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                    .map(c -> c.substring("csrf-token=".length()).split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the home page set no csrf-token cookie"));
        }
        return csrf;
    }

    private Outcome awaitEnd(String id, long submittedNanos) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            String view = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/api/runs/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String status = find(STATUS, view);
            if (FINAL.contains(status)) {
                String stdout = find(STDOUT, view);
                return new Outcome(status, (System.nanoTime() - submittedNanos) / 1e9,
                        stdout == null ? null : stdout.replace("\\n", "\n"));
            }
            sleep(250);
        }
        return new Outcome("NO FINAL STATUS", 900);
    }

    private long rssKb() {
        if (pid < 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception gone) {
            // The server is gone or not on this machine.
        }
        return 0;
    }

    private static long leftoverContainers() throws Exception {
        Process docker = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=dev.threadlab.sandbox=run")
                .redirectErrorStream(true).start();
        String out = new String(docker.getInputStream().readAllBytes()).strip();
        docker.waitFor();
        return out.isEmpty() ? 0 : out.split("\\s+").length;
    }

    private static Map<String, Long> count(List<Outcome> outcomes) {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status, 1L, Long::sum));
        return counts;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
