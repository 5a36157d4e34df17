import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What pressing Run costs a learner, measured through the public API exactly as the lesson page does it (GET the
 * page for its cookies, POST /api/runs with the CSRF header, then the run's WebSocket), against a plain
 * {@code docker run} of the same sandbox image as the baseline. See docs/benchmarks/runs.md:
 *
 *   java bench/RunBenchmark.java http://127.0.0.1:8080 <server pid>
 *        [--rounds 20] [--learners 32] [--seconds 60] [--warmup 1] [--image threadlab-sandbox:<tag>]
 *
 * 1. Rounds: a hello world, a compile error and a 4-thread CPU-bound program, alternated, each once on the platform
 *    and once in the baseline (cold container, javac, java): submit → first output, submit → exit.
 * 2. Sustained: --learners learners, each its own cookies, press Run on the hello world in a loop for --seconds.
 * 3. A class of 30 learners press Run at the same instant.
 * 4. Idle, first before and again after the load: after a 10 s pause, the server's RSS and 50 sequential GETs of a
 *    lesson page (the targets apply to the idle server before the load, its warm pool full).
 * Prints the machine and options, a Markdown table against the targets, the first-output figures and the raw numbers
 * (progress goes to stderr).
 */
public final class RunBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final int CLASS_SIZE = 30;
    private static final int PAGE_GETS = 50;
    private static final String LEARNER_COOKIE = "threadlab_learner";
    private static final String CSRF_COOKIE = "csrf-token";
    private static final String BASELINE_SCRIPT =
            "mkdir -p /tmp/w && cd /tmp/w && cat > Main.java && javac Main.java && java Main";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\\A\\{\\s*\"type\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ELAPSED = Pattern.compile("elapsed-ms:\\s*(\\d+)");
    private static final Pattern JAVAC_ERROR = Pattern.compile("Main\\.java:\\d+: error:");

    /** The three programs of the rounds; each knows what a correct run of it looks like. */
    enum Program {
        HELLO("hello world", false, """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("hello");
                    }
                }
                """),
        COMPILE_ERROR("compile error", true, """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("never printed")
                    }
                }
                """),
        /** 4 threads × 900 M steps of a linear congruential generator: about 1.6 s on 2 cores. */
        CPU_BOUND("4 CPU-bound threads", false, """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("workers: 4");
                        long start = System.nanoTime();
                        Thread[] workers = new Thread[4];
                        for (int i = 0; i < workers.length; i++) {
                            workers[i] = new Thread(() -> {
                                long x = 1;
                                for (long n = 0; n < 900_000_000L; n++) {
                                    x = x * 6364136223846793005L + 1442695040888963407L;
                                }
                                if (x == 42) System.out.println(x);
                            }, "worker-" + i);
                            workers[i].start();
                        }
                        for (Thread w : workers) w.join();
                        System.out.println("elapsed-ms: " + (System.nanoTime() - start) / 1_000_000);
                    }
                }
                """);

        final String label;
        final boolean failsToCompile;
        final String source;

        Program(String label, boolean failsToCompile, String source) {
            this.label = label;
            this.failsToCompile = failsToCompile;
            this.source = source;
        }

        /** Why a run that ended does not count (null when it does): its end, output and diagnostics must fit. */
        String verify(boolean endedAsExpected, String endedHow, String stdout, boolean diagnostics) {
            if (!endedAsExpected) {
                return "ended " + endedHow;
            }
            return switch (this) {
                case HELLO -> stdout.strip().equals("hello") ? null : "stdout was " + quote(abbreviate(stdout.strip()));
                case COMPILE_ERROR -> diagnostics ? null : "no diagnostics";
                case CPU_BOUND -> ELAPSED.matcher(stdout).find() ? null : "no elapsed-ms line";
            };
        }
    }

    record Options(String server, long pid, int rounds, int learners, int seconds, int warmup, String image) {
        static Options parse(String[] args) throws Exception {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: java bench/RunBenchmark.java <server-url> <server-pid> "
                        + "[--rounds N] [--learners L] [--seconds D] [--warmup W] [--image IMAGE]");
            }
            Map<String, String> named = new TreeMap<>();
            for (int i = 2; i + 1 < args.length; i += 2) {
                named.put(args[i], args[i + 1]);
            }
            String image = named.containsKey("--image") ? named.get("--image") : newestSandboxImage();
            return new Options(args[0].replaceAll("/+$", ""), Long.parseLong(args[1]), intOption(named, "--rounds", 20),
                    intOption(named, "--learners", 32), intOption(named, "--seconds", 60),
                    intOption(named, "--warmup", 1), image);
        }

        private static int intOption(Map<String, String> named, String name, int fallback) {
            return named.containsKey(name) ? Integer.parseInt(named.get(name)) : fallback;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "--rounds %d --learners %d --seconds %d --warmup %d --image %s", rounds,
                    learners, seconds, warmup, image);
        }
    }

    /**
     * One run as its learner saw it. Times in ms from submit (NaN when it never came); {@code diagnosticsMs} is the
     * diagnostics message on the platform and javac's first stderr byte in the baseline. {@code failure} is null for
     * a run that ended as its program should.
     */
    record Sample(String failure, double firstStdoutMs, double diagnosticsMs, double exitMs, long endedAtNanos,
            String stdout) {
        static Sample failed(String why) {
            return new Sample(why, Double.NaN, Double.NaN, Double.NaN, System.nanoTime(), "");
        }

        boolean ok() {
            return failure == null;
        }

        double elapsedMs() {
            Matcher m = ELAPSED.matcher(stdout);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
    }

    /** Median (mean of the middle two for an even count), nearest-rank 95th percentile and maximum. */
    record Stats(List<Double> sorted) {
        static Stats of(Collection<Double> values) {
            return new Stats(values.stream().filter(v -> !v.isNaN()).sorted().toList());
        }

        static Stats of(List<Sample> samples, ToDoubleFunction<Sample> field) {
            return of(samples.stream().filter(Sample::ok).map(field::applyAsDouble).toList());
        }

        double median() {
            int n = sorted.size();
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double p95() {
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        }

        double max() {
            return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
        }
    }

    record Rounds(Map<Program, List<Sample>> platform, Map<Program, List<Sample>> baseline) {
    }

    /** Runs of many learners at once; {@code windowSeconds} is how long they kept pressing Run. */
    record Load(List<Sample> samples, long startNanos, double windowSeconds) {
        long endedInWindow() {
            long windowEnd = startNanos + (long) (windowSeconds * 1e9);
            return samples.stream().filter(s -> s.ok() && s.endedAtNanos() <= windowEnd).count();
        }

        long failures() {
            return samples.stream().filter(s -> !s.ok()).count();
        }
    }

    record Idle(double rssMb, Stats pageMs, List<Double> pageRaw, Map<String, Long> pageErrors) {
    }

    /** One learner's browser: its cookie jar and the lesson page it has open. */
    static final class Browser {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();
        private final List<String> setByServer = new CopyOnWriteArrayList<>();
        private final String server;
        private String lessonUrl;
        private boolean learnerMinted;

        private Browser(String server) {
            this.server = server;
        }

        /** Opens a lesson page as a new visitor; a learner cookie the server did not set is minted (see class comment). */
        static Browser open(String server) throws Exception {
            Browser browser = new Browser(server);
            HttpResponse<String> lessons = browser.get(server + "/api/lessons");
            String lessonId = find(ID, lessons.body());
            if (lessons.statusCode() != 200 || lessonId == null) {
                throw new IllegalStateException("GET /api/lessons: " + lessons.statusCode() + " " + lessons.body());
            }
            browser.lessonUrl = server + "/lessons/" + lessonId;
            HttpResponse<String> page = browser.get(browser.lessonUrl);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET " + browser.lessonUrl + ": " + page.statusCode());
            }
            if (!browser.cookies.containsKey(LEARNER_COOKIE)) {
                browser.cookies.put(LEARNER_COOKIE, UUID.randomUUID().toString());
                browser.learnerMinted = true;
            }
            return browser;
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            return remember(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Cookie", cookieHeader())
                    .header("X-CSRF-TOKEN", cookies.getOrDefault(CSRF_COOKIE, ""))
                    .header("Origin", server).POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return remember(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        }

        CompletableFuture<WebSocket> openSocket(String url, WebSocket.Listener listener) {
            return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Cookie", cookieHeader()).header("Origin", server)
                    .buildAsync(URI.create(url), listener);
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    cookies.put(name, pair.substring(eq + 1).trim());
                    if (!setByServer.contains(name)) {
                        setByServer.add(name);
                    }
                }
            }
            return response;
        }

        String cookieHeader() {
            return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    /** Follows one run's WebSocket: when each kind of message arrived, the stdout, and how it ended. */
    static final class RunWatcher implements WebSocket.Listener {
        private final long submitted;
        private final StringBuilder message = new StringBuilder();
        private final StringBuilder stdout = new StringBuilder();
        private final List<String> errors = new ArrayList<>();
        private long messageStarted = -1;
        private double firstStdoutMs = Double.NaN;
        private double diagnosticsMs = Double.NaN;
        private double exitMs = Double.NaN;
        private long exitNanos;
        private String status;
        /** Completes with null at the exit message, or with why the run was lost. */
        final CompletableFuture<String> ended = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        RunWatcher(long submitted) {
            this.submitted = submitted;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (messageStarted < 0) {
                messageStarted = System.nanoTime();
            }
            message.append(data);
            if (last) {
                handle(message.toString(), messageStarted);
                message.setLength(0);
                messageStarted = -1;
            }
            socket.request(1);
            return null;
        }

        private void handle(String json, long at) {
            String type = find(TYPE, json);
            double ms = (at - submitted) / 1e6;
            switch (type == null ? "" : type) {
                case "stdout" -> {
                    firstStdoutMs = Double.isNaN(firstStdoutMs) ? ms : firstStdoutMs;
                    String data = find(DATA, json);
                    stdout.append(data == null ? "" : unescape(data));
                }
                case "diagnostics" -> diagnosticsMs = Double.isNaN(diagnosticsMs) ? ms : diagnosticsMs;
                case "error" -> errors.add(unescape(String.valueOf(find(MESSAGE, json))));
                case "exit" -> {
                    exitMs = ms;
                    exitNanos = at;
                    status = find(STATUS, json);
                    ended.complete(null);
                }
                default -> {
                    // status and trace messages: not measured
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            ended.complete("socket closed before exit (" + code + (errors.isEmpty() ? "" : ", " + errors.get(0)) + ")");
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.complete("socket error: " + error.getClass().getSimpleName());
            closed.complete(null);
        }

        Sample sample(Program program) {
            String finalStatus = String.valueOf(status);
            String failure = program.verify(finalStatus.equals(program.failsToCompile ? "COMPILE_ERROR" : "FINISHED"),
                    finalStatus, stdout.toString(), !Double.isNaN(diagnosticsMs));
            return new Sample(failure, firstStdoutMs, diagnosticsMs, exitMs, exitNanos, stdout.toString());
        }
    }

    private final Options options;

    private RunBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new RunBenchmark(Options.parse(args)).run();
    }

    private void run() throws Exception {
        Browser first = Browser.open(options.server());
        printHeader(first);
        Idle idle = idle(first);
        Rounds rounds = rounds(first);
        Load sustained = sustained();
        Load classOfThirty = classOfThirty();
        Idle afterLoad = idle(first);
        printTable(rounds, sustained, classOfThirty, idle, afterLoad);
        printFirstOutput(rounds);
        printRaw(rounds, sustained, classOfThirty, idle, afterLoad);
    }

    private void printHeader(Browser browser) throws Exception {
        System.out.println("# Run benchmark");
        System.out.println();
        System.out.printf(Locale.ROOT, "- Date: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.printf(Locale.ROOT, "- Machine: %d CPUs, %s %s (%s), Docker %s, client JDK %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                command("docker", "version", "--format", "{{.Server.Version}}"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "- Server: %s, pid %d; options: %s%n", options.server(), options.pid(), options);
        System.out.printf(Locale.ROOT, "- Cookies the lesson page set: %s; %s%n", browser.setByServer,
                browser.learnerMinted ? "no `" + LEARNER_COOKIE + "` cookie is set by the server, so each simulated "
                        + "learner gets a random one (else all would be one client, the address)"
                        : "`" + LEARNER_COOKIE + "` set by the server");
        System.out.println();
    }

    // 1. Rounds -------------------------------------------------------------------------------------------------

    private Rounds rounds(Browser browser) throws Exception {
        Map<Program, List<Sample>> platform = new EnumMap<>(Program.class);
        Map<Program, List<Sample>> baseline = new EnumMap<>(Program.class);
        for (Program program : Program.values()) {
            platform.put(program, new ArrayList<>());
            baseline.put(program, new ArrayList<>());
        }
        for (int round = -options.warmup(); round < options.rounds(); round++) {
            progress(round < 0 ? "warm-up" : "round " + (round + 1) + "/" + options.rounds());
            for (Program program : Program.values()) {
                Sample onPlatform = runOnPlatform(browser, program);
                Sample inBaseline = runBaseline(program);
                if (round >= 0) {
                    platform.get(program).add(onPlatform);
                    baseline.get(program).add(inBaseline);
                }
            }
        }
        return new Rounds(platform, baseline);
    }

    /** Submit (POST /api/runs), then watch the run's WebSocket until its exit message. */
    private Sample runOnPlatform(Browser browser, Program program) {
        long submitted = System.nanoTime();
        String id;
        try {
            HttpResponse<String> accepted = browser.postJson(options.server() + "/api/runs", runRequest(program));
            if (accepted.statusCode() != 202) {
                return Sample.failed("HTTP " + accepted.statusCode());
            }
            id = find(ID, accepted.body());
        } catch (IOException e) {
            return Sample.failed("HTTP error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed("interrupted");
        }
        return watch(browser, program, id, submitted);
    }

    private Sample watch(Browser browser, Program program, String id, long submitted) {
        RunWatcher watcher = new RunWatcher(submitted);
        WebSocket socket;
        try {
            socket = browser.openSocket(socketUrl(id), watcher).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Sample.failed("socket not opened: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed("interrupted");
        }
        String lost = await(watcher.ended, RUN_TIMEOUT, "no exit message within " + RUN_TIMEOUT.toSeconds() + " s");
        closeQuietly(socket, watcher);
        return lost != null ? Sample.failed(lost) : watcher.sample(program);
    }

    /** The server closes the socket after the exit message; this answers it, or aborts a socket that stays open. */
    private static void closeQuietly(WebSocket socket, RunWatcher watcher) {
        await(watcher.closed, Duration.ofSeconds(5), "not closed");
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static String await(CompletableFuture<String> future, Duration timeout, String onTimeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return onTimeout;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The baseline: a cold container of the same image that compiles and runs the source fed on stdin. */
    private Sample runBaseline(Program program) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            long started = System.nanoTime();
            Process docker = new ProcessBuilder("docker", "run", "--rm", "-i", "--network", "none", "--entrypoint",
                    "sh", options.image(), "-c", BASELINE_SCRIPT).start();
            Future<Captured> out = readers.submit(() -> capture(docker.getInputStream(), started));
            Future<Captured> err = readers.submit(() -> capture(docker.getErrorStream(), started));
            try (OutputStream stdin = docker.getOutputStream()) {
                stdin.write(program.source.getBytes(StandardCharsets.UTF_8));
            }
            if (!docker.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                docker.destroyForcibly();
                return Sample.failed("docker run did not end within " + RUN_TIMEOUT.toSeconds() + " s");
            }
            long exited = System.nanoTime();
            Captured stdout = out.get();
            Captured stderr = err.get();
            int code = docker.exitValue();
            // javac and java exit 1 on a compile error or an uncaught exception; docker's own failures are 125-127.
            String failure = program.verify(code == (program.failsToCompile ? 1 : 0), "with exit code " + code,
                    stdout.text(), JAVAC_ERROR.matcher(stderr.text()).find());
            return new Sample(failure, stdout.firstByteMs(), stderr.firstByteMs(), (exited - started) / 1e6, exited,
                    stdout.text());
        } finally {
            readers.shutdownNow();
        }
    }

    record Captured(double firstByteMs, String text) {
    }

    private static Captured capture(InputStream stream, long started) throws IOException {
        int first = stream.read();
        if (first < 0) {
            return new Captured(Double.NaN, "");
        }
        double firstByteMs = (System.nanoTime() - started) / 1e6;
        byte[] rest = stream.readAllBytes();
        byte[] all = new byte[rest.length + 1];
        all[0] = (byte) first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return new Captured(firstByteMs, new String(all, StandardCharsets.UTF_8));
    }

    // 2. Sustained and 3. a class at once ---------------------------------------------------------------------------

    /** Every learner presses Run on the hello world, waits for its exit and presses again, until the time is up. */
    private Load sustained() throws Exception {
        List<Browser> browsers = openBrowsers(options.learners());
        progress("sustained: " + options.learners() + " learners for " + options.seconds() + " s");
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + options.seconds() * 1_000_000_000L;
        ExecutorService learners = Executors.newFixedThreadPool(browsers.size());
        for (Browser browser : browsers) {
            learners.submit(() -> {
                while (System.nanoTime() < end) {
                    Sample sample = runOnPlatform(browser, Program.HELLO);
                    samples.add(sample);
                    if (!sample.ok()) {
                        sleep(1000); // a learner who saw an error presses Run again a moment later
                    }
                }
            });
        }
        learners.shutdown();
        learners.awaitTermination(options.seconds() + RUN_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        return new Load(List.copyOf(samples), start, options.seconds());
    }

    /** A class of 30, cookies already in hand, presses Run on the hello world at the same instant. */
    private Load classOfThirty() throws Exception {
        List<Browser> browsers = openBrowsers(CLASS_SIZE);
        progress("class of " + CLASS_SIZE + " at once");
        CyclicBarrier barrier = new CyclicBarrier(CLASS_SIZE);
        ExecutorService learners = Executors.newFixedThreadPool(CLASS_SIZE);
        List<Future<Sample>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (Browser browser : browsers) {
            runs.add(learners.submit(() -> {
                barrier.await();
                return runOnPlatform(browser, Program.HELLO);
            }));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<Sample> run : runs) {
            samples.add(run.get());
        }
        learners.shutdown();
        return new Load(samples, start, (System.nanoTime() - start) / 1e9);
    }

    private List<Browser> openBrowsers(int count) throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            browsers.add(Browser.open(options.server()));
        }
        return browsers;
    }

    // 4. Idle ---------------------------------------------------------------------------------------------------------

    private Idle idle(Browser browser) throws Exception {
        progress("idle: 10 s pause, then RSS and " + PAGE_GETS + " lesson page GETs");
        Thread.sleep(10_000);
        double rssMb = rssKb() / 1024.0;
        List<Double> pageMs = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        for (int i = 0; i < PAGE_GETS; i++) {
            long t0 = System.nanoTime();
            String error = getPage(browser);
            pageMs.add(error == null ? (System.nanoTime() - t0) / 1e6 : Double.NaN);
            if (error != null) {
                errors.merge(error, 1L, Long::sum);
            }
        }
        return new Idle(rssMb, Stats.of(pageMs), pageMs, errors);
    }

    /** GETs the browser's lesson page: null when it came (200), else what went wrong. */
    private static String getPage(Browser browser) throws InterruptedException {
        try {
            int status = browser.get(browser.lessonUrl).statusCode();
            return status == 200 ? null : "HTTP " + status;
        } catch (IOException e) {
            return "HTTP error: " + e.getClass().getSimpleName();
        }
    }

    private double rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(options.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // not a process on this machine
        }
        return Double.NaN;
    }

    // Report --------------------------------------------------------------------------------------------------------

    private void printTable(Rounds rounds, Load sustained, Load classOfThirty, Idle idle, Idle afterLoad) {
        System.out.println("## Results");
        System.out.println();
        System.out.println("| What | Platform median | p95 | Baseline median | Ratio (baseline/platform) | Target | Met? |");
        System.out.println("|---|---|---|---|---|---|---|");
        helloRows(rounds);
        compileErrorRows(rounds);
        cpuRows(rounds);
        roundFailureRow(rounds);
        sustainedRows(sustained);
        classRows(classOfThirty);
        idleRows(idle);
        row("Server RSS after the load (it keeps up to 500 finished runs for GET /api/runs/{id})",
                String.format(Locale.ROOT, "%.0f MB", afterLoad.rssMb()), "—", "—", "—", "—", "—");
        row("GET lesson page after the load", ms(afterLoad.pageMs().median()), ms(afterLoad.pageMs().p95()), "—", "—",
                "—", "—");
        System.out.println();
    }

    private void helloRows(Rounds rounds) {
        Stats platform = Stats.of(rounds.platform().get(Program.HELLO), Sample::exitMs);
        Stats baseline = Stats.of(rounds.baseline().get(Program.HELLO), Sample::exitMs);
        double ratio = baseline.median() / platform.median();
        List<String> missed = new ArrayList<>();
        missedIf(missed, !(platform.median() <= 250), "median");
        missedIf(missed, !(platform.p95() <= 500), "p95");
        missedIf(missed, !(ratio >= 5), "ratio");
        comparisonRow("Hello world, submit → exit", platform, baseline,
                "median ≤ 250 ms, p95 ≤ 500 ms, ≥ 5× faster than baseline", missed);
    }

    private void compileErrorRows(Rounds rounds) {
        Stats platform = Stats.of(rounds.platform().get(Program.COMPILE_ERROR), Sample::diagnosticsMs);
        Stats baseline = Stats.of(rounds.baseline().get(Program.COMPILE_ERROR), Sample::diagnosticsMs);
        List<String> missed = new ArrayList<>();
        missedIf(missed, !(platform.median() <= 200), "median");
        comparisonRow("Compile error shown, submit → diagnostics (baseline: javac's first stderr byte)", platform,
                baseline, "median ≤ 200 ms", missed);
        comparisonRow("Compile error, submit → exit", Stats.of(rounds.platform().get(Program.COMPILE_ERROR),
                Sample::exitMs), Stats.of(rounds.baseline().get(Program.COMPILE_ERROR), Sample::exitMs), "—", null);
    }

    private void cpuRows(Rounds rounds) {
        Stats platform = Stats.of(rounds.platform().get(Program.CPU_BOUND), Sample::elapsedMs);
        Stats baseline = Stats.of(rounds.baseline().get(Program.CPU_BOUND), Sample::elapsedMs);
        double off = Math.abs(platform.median() - baseline.median()) / baseline.median();
        List<String> missed = new ArrayList<>();
        missedIf(missed, !(off <= 0.10), Double.isNaN(off) ? "no figures"
                : String.format(Locale.ROOT, "%.1f %% off", 100 * off));
        comparisonRow("4 CPU-bound threads, the program's elapsed-ms", platform, baseline,
                "within 10 % of baseline", missed);
        comparisonRow("4 CPU-bound threads, submit → exit", Stats.of(rounds.platform().get(Program.CPU_BOUND),
                Sample::exitMs), Stats.of(rounds.baseline().get(Program.CPU_BOUND), Sample::exitMs), "—", null);
    }

    private void roundFailureRow(Rounds rounds) {
        long platform = rounds.platform().values().stream().flatMap(List::stream).filter(s -> !s.ok()).count();
        long baseline = rounds.baseline().values().stream().flatMap(List::stream).filter(s -> !s.ok()).count();
        row("Rounds: failed runs (of " + options.rounds() * Program.values().length + " each)", platform + "", "—",
                baseline + "", "—", "0 on the platform", met(platform == 0, List.of()));
    }

    private void sustainedRows(Load load) {
        double perSecond = load.endedInWindow() / load.windowSeconds();
        Stats latency = Stats.of(load.samples(), Sample::exitMs);
        String label = "Sustained, " + options.learners() + " learners for " + options.seconds() + " s";
        row(label + ": runs/s (ended in the window)", String.format(Locale.ROOT, "%.2f", perSecond), "—", "—", "—",
                "≥ 8 runs/s", met(perSecond >= 8, List.of()));
        row(label + ": submit → exit", ms(latency.median()), ms(latency.p95()), "—", "—", "p95 ≤ 3 s",
                met(latency.p95() <= 3000, List.of()));
        row(label + ": failed runs", load.failures() + " of " + load.samples().size(), "—", "—", "—", "0",
                met(load.failures() == 0, List.of()));
    }

    private void classRows(Load load) {
        Stats latency = Stats.of(load.samples(), Sample::exitMs);
        boolean allInTime = load.failures() == 0 && latency.max() <= 6000;
        row("Class of " + CLASS_SIZE + " at once: submit → exit", ms(latency.median()), ms(latency.p95()), "—", "—",
                "—", "—");
        row("Class of " + CLASS_SIZE + " at once: slowest run, failed runs", "max " + ms(latency.max()) + ", "
                + load.failures() + " failed", "—", "—", "—", "every run final within 6 s", met(allInTime, List.of()));
    }

    private void idleRows(Idle idle) {
        row("Idle server before the load, full pool: RSS (VmRSS)", Double.isNaN(idle.rssMb()) ? "—" : String.format(Locale.ROOT, "%.0f MB",
                idle.rssMb()), "—", "—", "—", "≤ 300 MB", met(idle.rssMb() <= 300, List.of()));
        row("Idle server before the load, GET lesson page", ms(idle.pageMs().median()), ms(idle.pageMs().p95()), "—", "—",
                "median ≤ 30 ms", met(idle.pageMs().median() <= 30 && idle.pageErrors().isEmpty(), List.of()));
    }

    private void printFirstOutput(Rounds rounds) {
        System.out.println("### First output (submit → first stdout byte)");
        System.out.println();
        System.out.println("| Program | Platform median | p95 | Baseline median | p95 |");
        System.out.println("|---|---|---|---|---|");
        for (Program program : Program.values()) {
            Stats platform = Stats.of(rounds.platform().get(program), Sample::firstStdoutMs);
            Stats baseline = Stats.of(rounds.baseline().get(program), Sample::firstStdoutMs);
            System.out.printf("| %s | %s | %s | %s | %s |%n", program.label, ms(platform.median()), ms(platform.p95()),
                    ms(baseline.median()), ms(baseline.p95()));
        }
        System.out.println();
        System.out.println("The compile error prints nothing to stdout (\"—\"); its first output is the diagnostics "
                + "message (platform) or javac's stderr (baseline), in the table above. The CPU-bound program prints "
                + "`workers: 4` before it starts its threads.");
        System.out.println();
    }

    private void printRaw(Rounds rounds, Load sustained, Load classOfThirty, Idle idle, Idle afterLoad) {
        System.out.println("## Raw numbers (ms, in the order measured; failed runs as ✗)");
        System.out.println();
        for (Program program : Program.values()) {
            rawSamples("Platform, " + program.label, rounds.platform().get(program), program);
            rawSamples("Baseline, " + program.label, rounds.baseline().get(program), program);
        }
        System.out.printf(Locale.ROOT, "- Sustained: %d runs submitted, %d ended FINISHED within the %d s window; "
                + "submit → exit: %s; failures: %s%n", sustained.samples().size(), sustained.endedInWindow(),
                options.seconds(), raw(sustained.samples(), Sample::exitMs), failures(sustained.samples()));
        System.out.printf(Locale.ROOT, "- Class of %d: submit → exit: %s; failures: %s%n", CLASS_SIZE,
                raw(classOfThirty.samples(), Sample::exitMs), failures(classOfThirty.samples()));
        rawIdle("Idle before the load", idle);
        rawIdle("Idle after the load", afterLoad);
    }

    private static void rawIdle(String label, Idle idle) {
        System.out.printf(Locale.ROOT, "- %s: RSS %.1f MB; lesson page GETs: %s; errors: %s%n", label, idle.rssMb(),
                idle.pageRaw().stream().map(RunBenchmark::ms1).collect(Collectors.joining(", ", "[", "]")),
                idle.pageErrors().isEmpty() ? "none" : idle.pageErrors());
    }

    private static void rawSamples(String label, List<Sample> samples, Program program) {
        StringBuilder line = new StringBuilder("- " + label + ": ");
        if (program != Program.COMPILE_ERROR) {
            line.append("first stdout ").append(raw(samples, Sample::firstStdoutMs)).append("; ");
        } else {
            line.append("diagnostics ").append(raw(samples, Sample::diagnosticsMs)).append("; ");
        }
        line.append("exit ").append(raw(samples, Sample::exitMs));
        if (program == Program.CPU_BOUND) {
            line.append("; elapsed-ms ").append(raw(samples, Sample::elapsedMs));
        }
        line.append("; failures: ").append(failures(samples));
        System.out.println(line);
    }

    private static String raw(List<Sample> samples, ToDoubleFunction<Sample> field) {
        return samples.stream().map(s -> s.ok() ? ms0(field.applyAsDouble(s)) : "✗")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String failures(List<Sample> samples) {
        Map<String, Long> reasons = samples.stream().filter(s -> !s.ok())
                .collect(Collectors.groupingBy(Sample::failure, TreeMap::new, Collectors.counting()));
        return reasons.isEmpty() ? "none" : reasons.toString();
    }

    private static void comparisonRow(String what, Stats platform, Stats baseline, String target, List<String> missed) {
        double ratio = baseline.median() / platform.median();
        row(what, ms(platform.median()), ms(platform.p95()), ms(baseline.median()),
                Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio), target,
                missed == null ? "—" : met(missed.isEmpty(), missed));
    }

    private static void row(String what, String median, String p95, String baseline, String ratio, String target,
            String met) {
        System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", what, median, p95, baseline, ratio, target, met);
    }

    private static void missedIf(List<String> missed, boolean condition, String what) {
        if (condition) {
            missed.add(what);
        }
    }

    private static String met(boolean met, List<String> missed) {
        return met ? "yes" : missed.isEmpty() ? "**no**" : "**no** (" + String.join(", ", missed) + ")";
    }

    // Helpers ---------------------------------------------------------------------------------------------------------

    private static String runRequest(Program program) {
        return "{\"language\":\"java\",\"files\":{\"Main.java\":" + quote(program.source) + "},\"mainClass\":\"Main\"}";
    }

    private String socketUrl(String runId) {
        return options.server().replaceFirst("^http", "ws") + "/ws/runs/" + runId;
    }

    private static String newestSandboxImage() throws Exception {
        String images = command("docker", "images", "--format", "{{.Repository}}:{{.Tag}}", "threadlab-sandbox");
        if (images.isBlank()) {
            throw new IllegalStateException("no threadlab-sandbox image; start the server once or pass --image");
        }
        return images.lines().findFirst().orElseThrow();
    }

    private static String command(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String ms0(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String ms1(double value) {
        return Double.isNaN(value) ? "✗" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Undoes JSON string escapes (the server's stdout data). */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char escaped = s.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    private static void progress(String what) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), what);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
