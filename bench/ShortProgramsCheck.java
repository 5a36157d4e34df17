import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trace fidelity on short programs (issue 16), against a running server:
 *
 *   java bench/ShortProgramsCheck.java [http://localhost:8080] [bench/short-programs]
 *
 * Runs every {@code NN-name/Main.java} under the programs folder, in order, with the trace on, and checks each of
 * the program's Java threads (threads that eventually carry a {@code javaId} and {@code "system":false}):
 * <ol>
 * <li>names: the first {@code thread} event with its Java name (or its javaId) is no later than its first
 * {@code state} event;</li>
 * <li>states: its first state that is neither running nor ready carries a {@code javaState} (a {@code starting}
 * slice, the JVM booting before any Java code ran, is not a Java state and is skipped);</li>
 * <li>no {@code "unknown"} state slices (counted, with their total length);</li>
 * <li>the program's main thread is called {@code main} from its first thread event (not {@code java}).</li>
 * </ol>
 * A program whose folder name contains "deadlock" must end DEADLOCK, every other one FINISHED. Prints a Markdown
 * table, then the offending events of each failure; exits 1 if any program fails.
 */
public final class ShortProgramsCheck {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** States that need no Java state: on a CPU or waiting for one, or the JVM still starting. */
    private static final Set<String> ON_CPU = Set.of("running", "ready", "starting");

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
        Path dir = Path.of(args.length > 1 ? args[1] : "bench/short-programs");
        List<Path> programs;
        try (Stream<Path> list = Files.list(dir)) {
            programs = list.filter(p -> Files.isRegularFile(p.resolve("Main.java"))).sorted().toList();
        }
        if (programs.isEmpty()) {
            throw new IllegalStateException("no */Main.java under " + dir.toAbsolutePath());
        }
        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path program : programs) {
            String name = program.getFileName().toString();
            System.err.println("running " + name + " …");
            Outcome o = check(server, name, Files.readString(program.resolve("Main.java")));
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s ms | %d | %s | %s | %s | %s |", name, o.status,
                    o.durationMs, o.javaThreads, o.names, o.states, o.unknown, o.problems.isEmpty() ? "PASS" : "FAIL"));
            if (!o.problems.isEmpty()) {
                List<String> lines = new ArrayList<>(o.problems);
                if (lines.size() > 30) {
                    int more = lines.size() - 24;
                    lines = new ArrayList<>(lines.subList(0, 24));
                    lines.add("  … " + more + " more lines");
                }
                lines.addAll(o.notes);
                failures.add("### " + name + " (run " + o.id + ")\n" + String.join("\n", lines));
            } else if (!o.notes.isEmpty()) {
                notes.add("### " + name + " (run " + o.id + ", passes)\n" + String.join("\n", o.notes));
            }
        }
        System.out.println("| Program | Status | Duration | Java threads | First-sample names | First-sample states"
                + " | Unknown slices (count / ms) | Verdict |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%n%d of %d programs pass.%n", programs.size() - failures.size(), programs.size());
        for (String f : notes) {
            System.out.println();
            System.out.println(f);
        }
        for (String f : failures) {
            System.out.println();
            System.out.println(f);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static final class Outcome {
        String id = "?";
        String status = "?";
        String durationMs = "?";
        int javaThreads;
        String names = "-";
        String states = "-";
        String unknown = "-";
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>(); // shown, but do not fail the program
    }

    /** One trace event: its parsed fields and its place in the stream (events are not always in time order). */
    record Event(int index, Map<String, Object> f) {
        String kind() { return str("kind"); }
        long t() { return num("t"); }
        String key() { return f.get("pid") + ":" + f.get("tid"); }
        String str(String name) { return f.get(name) == null ? null : f.get(name).toString(); }
        long num(String name) { return f.get(name) instanceof Number n ? n.longValue() : -1; }
        boolean has(String name) { return f.get(name) != null; }
        @Override public String toString() { return "  #" + index + " " + toJson(f); }
    }

    private static Outcome check(String server, String name, String source) throws Exception {
        Outcome o = new Outcome();
        String body = "{\"language\":\"java\",\"files\":{\"Main.java\":" + quote(source)
                + "},\"mainClass\":\"Main\",\"trace\":true}";
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(server + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (accepted.statusCode() != 202 && accepted.statusCode() != 200) {
            o.problems.add("POST /api/runs answered " + accepted.statusCode() + ": " + accepted.body());
            return o;
        }
        o.id = (String) asMap(parse(accepted.body())).get("id");
        Map<String, Object> view;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Thread.sleep(150);
            view = asMap(parse(get(server + "/api/runs/" + o.id)));
            String status = String.valueOf(view.get("status"));
            if (!status.equals("QUEUED") && !status.equals("COMPILING") && !status.equals("RUNNING")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                o.problems.add("still " + status + " after 120 s");
                return o;
            }
        }
        o.status = String.valueOf(view.get("status"));
        o.durationMs = String.valueOf(view.get("durationMs"));
        String expected = name.contains("deadlock") ? "DEADLOCK" : "FINISHED";
        if (!o.status.equals(expected)) {
            o.problems.add("status " + o.status + ", expected " + expected + "; message " + view.get("message")
                    + "; stderr " + abbreviate(String.valueOf(view.get("stderr")), 300));
        }

        List<Event> events = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && events.isEmpty(); attempt++) {
            HttpResponse<String> trace = send(HttpRequest.newBuilder(
                    URI.create(server + "/api/runs/" + o.id + "/trace?format=events")).build());
            if (trace.statusCode() == 200) {
                Object list = asMap(parse(trace.body())).get("events");
                if (list instanceof List<?> l) {
                    for (Object e : l) {
                        events.add(new Event(events.size(), asMap(e)));
                    }
                }
            }
            if (events.isEmpty()) {
                Thread.sleep(300);
            }
        }
        if (events.isEmpty()) {
            o.problems.add("no trace events");
            return o;
        }
        // Time order; events with the same t keep their stream order.
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::t).thenComparingInt(Event::index));
        long lastT = sorted.get(sorted.size() - 1).t();

        // The program's threads: a thread event with a javaId and "system":false.
        Map<String, List<Event>> threadEvents = new LinkedHashMap<>();
        Map<String, List<Event>> stateEvents = new LinkedHashMap<>();
        Map<String, Long> endOf = new LinkedHashMap<>();
        Map<String, Long> processEnd = new LinkedHashMap<>();
        for (Event e : sorted) {
            switch (Objects.toString(e.kind(), "")) {
                case "thread" -> threadEvents.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                case "state" -> stateEvents.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                case "thread-end" -> endOf.putIfAbsent(e.key(), e.t());
                case "process-end" -> processEnd.putIfAbsent(e.str("pid"), e.t());
                default -> { }
            }
        }
        List<String> javaThreads = new ArrayList<>();
        for (Map.Entry<String, List<Event>> entry : threadEvents.entrySet()) {
            if (entry.getValue().stream().anyMatch(e -> e.has("javaId") && Boolean.FALSE.equals(e.f.get("system")))) {
                javaThreads.add(entry.getKey());
            }
        }
        o.javaThreads = javaThreads.size();
        // Threads the program's JVM never identified (their last thread event says "system":false, none has a
        // javaId): not checked above, listed for information.
        List<String> unidentified = new ArrayList<>();
        for (Map.Entry<String, List<Event>> entry : threadEvents.entrySet()) {
            List<Event> ts = entry.getValue();
            Event last = ts.get(ts.size() - 1);
            if (Boolean.FALSE.equals(last.f.get("system")) && ts.stream().noneMatch(e -> e.has("javaId"))
                    && !last.str("tid").equals(last.str("pid"))) {
                unidentified.add("\"" + last.str("name") + "\" (tid " + entry.getKey() + ", first seen t=" + ts.get(0).t() + ")");
            }
        }
        String unidentifiedNote = unidentified.isEmpty() ? "" : " (+" + unidentified.size() + " never identified)";
        if (!unidentified.isEmpty()) {
            o.notes.add("- (info) user threads that never got a javaId: " + String.join(", ", unidentified));
        }
        if (javaThreads.isEmpty()) {
            o.names = "-" + unidentifiedNote;
            o.problems.add("no thread of the program was identified by the JVM (no thread event with a javaId and"
                    + " \"system\":false)");
            return o;
        }
        int namesOk = 0;
        int statesOk = 0;
        int unknownCount = 0;
        long unknownMicros = 0;
        boolean mainSeen = false;
        for (String key : javaThreads) {
            List<Event> threads = threadEvents.get(key);
            List<Event> states = stateEvents.getOrDefault(key, List.of());
            Set<String> javaNames = new LinkedHashSet<>();
            threads.stream().filter(e -> e.has("javaId")).forEach(e -> javaNames.add(e.str("name")));
            String label = "thread " + String.join(" / ", javaNames) + " (tid " + key + ")";
            Event firstName = threads.stream().filter(e -> e.has("javaId") || javaNames.contains(e.str("name")))
                    .findFirst().orElse(null);
            Event firstState = states.isEmpty() ? null : states.get(0);

            // (a) the Java name is known by the first sample
            if (firstState == null || (firstName != null && firstName.t() <= firstState.t())) {
                namesOk++;
            } else {
                o.problems.add("- " + label + ": first state at t=" + firstState.t() + " but the Java name arrives at t="
                        + (firstName == null ? "never" : firstName.t()) + " (first thread event said \""
                        + threads.get(0).str("name") + "\" at t=" + threads.get(0).t() + ")");
                o.problems.add(threads.get(0).toString());
                o.problems.add(firstState.toString());
                if (firstName != null && firstName != threads.get(0)) {
                    o.problems.add(firstName.toString());
                }
            }

            // (b) the first off-CPU state says what Java thinks
            Event firstOff = states.stream().filter(e -> !ON_CPU.contains(e.str("state"))).findFirst().orElse(null);
            if (firstOff == null || firstOff.has("javaState")) {
                statesOk++;
            } else {
                Event firstJava = states.stream().filter(e -> e.has("javaState")).findFirst().orElse(null);
                o.problems.add("- " + label + ": first off-CPU state at t=" + firstOff.t() + " is \""
                        + firstOff.str("state") + "\" without javaState; first javaState at t="
                        + (firstJava == null ? "never" : firstJava.t() + " (" + firstJava.str("javaState") + ")"));
                o.problems.add(firstOff.toString());
                if (firstJava != null) {
                    o.problems.add(firstJava.toString());
                }
            }

            // (c) no "unknown" slices; a slice lasts until the thread's next state, its end, or its process's end
            int count = 0;
            long micros = 0;
            Event firstUnknown = null;
            for (int i = 0; i < states.size(); i++) {
                Event s = states.get(i);
                if (!"unknown".equals(s.str("state"))) {
                    continue;
                }
                count++;
                if (firstUnknown == null) {
                    firstUnknown = s;
                }
                long until = i + 1 < states.size() ? states.get(i + 1).t()
                        : endOf.getOrDefault(key, processEnd.getOrDefault(s.str("pid"), lastT));
                micros += Math.max(0, until - s.t());
            }
            if (count > 0) {
                unknownCount += count;
                unknownMicros += micros;
                o.problems.add(String.format(Locale.ROOT, "- %s: %d unknown slice(s), %.1f ms in all, first at t=%d",
                        label, count, micros / 1000.0, firstUnknown.t()));
                o.problems.add(firstUnknown.toString());
            }

            // (d) main is "main" from its first thread event
            if (javaNames.contains("main")) {
                mainSeen = true;
                if (!"main".equals(threads.get(0).str("name"))) {
                    o.problems.add("- " + label + ": the main thread is first called \"" + threads.get(0).str("name")
                            + "\" (t=" + threads.get(0).t() + "), \"main\" only from t=" + firstName.t());
                }
            }
        }
        if (!mainSeen) {
            o.problems.add("- no program thread is named \"main\"");
        }
        o.names = namesOk + "/" + javaThreads.size() + (mainSeen ? "" : " (no main)") + unidentifiedNote;
        o.states = statesOk + "/" + javaThreads.size();
        o.unknown = unknownCount == 0 ? "0" : String.format(Locale.ROOT, "%d / %.1f ms", unknownCount, unknownMicros / 1000.0);
        return o;
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    /** Sends, waiting out 429 answers for as long as Retry-After asks (5 s when it does not say). */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt >= 30) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(s -> {
                try {
                    return Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    return 5L;
                }
            }).orElse(5L);
            System.err.println("429, waiting " + seconds + " s");
            Thread.sleep(seconds * 1000);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    // --- JSON: just enough to read the API's answers and write one request -------------------------------------

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("expected a JSON object, got " + o);
    }

    private static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k.toString())).append(':').append(toJson(v)));
            return b.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            l.forEach(v -> b.append(b.length() > 1 ? "," : "").append(toJson(v)));
            return b.append(']').toString();
        }
        return o instanceof String s ? quote(s) : String.valueOf(o);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static Object parse(String json) {
        int[] pos = {0};
        Object value = value(json, pos);
        skip(json, pos);
        if (pos[0] != json.length()) {
            throw new IllegalStateException("trailing text at " + pos[0] + " in " + abbreviate(json, 200));
        }
        return value;
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private static Object value(String s, int[] pos) {
        skip(s, pos);
        char c = s.charAt(pos[0]);
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            pos[0]++;
            skip(s, pos);
            if (s.charAt(pos[0]) == '}') {
                pos[0]++;
                return map;
            }
            while (true) {
                skip(s, pos);
                String key = string(s, pos);
                skip(s, pos);
                expect(s, pos, ':');
                map.put(key, value(s, pos));
                skip(s, pos);
                if (s.charAt(pos[0]++) == '}') {
                    return map;
                }
            }
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            pos[0]++;
            skip(s, pos);
            if (s.charAt(pos[0]) == ']') {
                pos[0]++;
                return list;
            }
            while (true) {
                list.add(value(s, pos));
                skip(s, pos);
                if (s.charAt(pos[0]++) == ']') {
                    return list;
                }
            }
        }
        if (c == '"') {
            return string(s, pos);
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, pos[0])) {
                pos[0] += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        Matcher m = NUMBER.matcher(s).region(pos[0], s.length());
        if (!m.lookingAt()) {
            throw new IllegalStateException("bad JSON at " + pos[0] + ": " + abbreviate(s.substring(pos[0]), 40));
        }
        pos[0] = m.end();
        return m.group(1) == null && m.group(2) == null ? (Object) Long.valueOf(m.group()) : Double.valueOf(m.group());
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) {
            throw new IllegalStateException("expected '" + c + "' at " + pos[0] + ": " + abbreviate(s.substring(pos[0]), 40));
        }
        pos[0]++;
    }

    private static void skip(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }
}
