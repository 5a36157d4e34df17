package dev.threadlab.trace;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A finished run's trace events, as the API gives them, with the look-ups the trace tests need. */
final class Trace {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String id;
    final List<JsonNode> events;

    /** Runs {@code source} (a Main class) traced, expects it to finish, and reads its trace. */
    static Trace ofFinishedRun(String source) throws Exception {
        return ofFinishedRun(source, null);
    }

    /** The same on that JDK (null: the default). */
    static Trace ofFinishedRun(String source, Integer jdk) throws Exception {
        Map<String, Object> body = program(source);
        if (jdk != null) {
            body.put("jdk", jdk);
        }
        String id = submit(body);
        Map<String, Object> result = awaitEnd(id);
        assertEquals("FINISHED", result.get("status"), result.toString());
        return new Trace(id);
    }

    Trace(String id) throws Exception {
        this.id = id;
        String body = given().when().get("/api/runs/" + id + "/trace?format=events").then().statusCode(200)
                .extract().asString();
        this.events = StreamSupport.stream(JSON.readTree(body).path("events").spliterator(), false).toList();
    }

    JsonNode chrome() throws Exception {
        return JSON.readTree(given().when().get("/api/runs/" + id + "/trace").then().statusCode(200).extract().asString());
    }

    JsonNode meta() {
        return events.stream().filter(e -> e.path("kind").asText().equals("meta")).findFirst().orElseThrow();
    }

    long tid(String threadName) {
        return events.stream().filter(e -> e.path("kind").asText().equals("thread") && e.path("name").asText().equals(threadName))
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + threadName + " in " + events))
                .path("tid").asLong();
    }

    String name(long tid) {
        String name = null;
        for (JsonNode e : events) {
            if (e.path("kind").asText().equals("thread") && e.path("tid").asLong() == tid) {
                name = e.path("name").asText();
            }
        }
        return name;
    }

    Map<Long, JsonNode> processes() {
        Map<Long, JsonNode> latest = new HashMap<>();
        events.stream().filter(e -> e.path("kind").asText().equals("process"))
                .forEach(e -> latest.put(e.path("pid").asLong(), e));
        return latest;
    }

    List<JsonNode> states(long tid, String state) {
        return events.stream().filter(e -> e.path("kind").asText().equals("state") && e.path("tid").asLong() == tid
                && e.path("state").asText().equals(state)).toList();
    }

    /** [start, end, cpu] of each interval the thread spent in {@code state}. */
    List<long[]> intervals(long tid, String state) {
        List<long[]> result = new ArrayList<>();
        long[] open = null;
        for (JsonNode e : events) {
            boolean mine = e.path("tid").asLong() == tid;
            String kind = e.path("kind").asText();
            if (!mine || !(kind.equals("state") || kind.equals("thread-end"))) {
                continue;
            }
            long t = e.path("t").asLong();
            if (open != null) {
                open[1] = t;
                result.add(open);
                open = null;
            }
            if (kind.equals("state") && e.path("state").asText().equals(state)) {
                open = new long[] {t, t, e.path("cpu").asLong(-1)};
            }
        }
        return result;
    }
}
