package dev.threadlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromeTraceExportTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void statesBecomeSlicesThatEndWhereTheNextStateBegins() throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        new TraceParser(json).parse("""
                {"kind":"meta","t":0,"cpus":2,"sampleHz":500}
                {"kind":"process","t":0,"pid":7,"ppid":1,"name":"java","command":"java Main"}
                {"kind":"process","t":5,"pid":9,"ppid":7,"name":"java","command":"java Main child"}
                {"kind":"thread","t":0,"pid":7,"tid":8,"name":"main","javaId":1,"daemon":false,"system":false}
                {"kind":"state","t":100,"pid":7,"tid":8,"state":"running","cpu":1}
                {"kind":"state","t":400,"pid":7,"tid":8,"state":"blocked","lock":"java.lang.Object@1","owner":"w","ownerTid":10}
                {"kind":"thread-end","t":900,"pid":7,"tid":8}
                """).forEach(s -> events.add(s.event()));
        JsonNode trace = json.readTree(json.writeValueAsString(new ChromeTraceExport(json).export(events)));

        List<JsonNode> slices = new ArrayList<>();
        List<String> processNames = new ArrayList<>();
        for (JsonNode e : trace.path("traceEvents")) {
            if (e.path("ph").asText().equals("X")) {
                slices.add(e);
            } else if (e.path("name").asText().equals("process_name")) {
                processNames.add(e.path("args").path("name").asText());
            }
        }
        assertEquals(List.of("java (pid 7)", "java (pid 9, child of 7)"), processNames);
        assertEquals(2, slices.size());
        assertEquals("running", slices.get(0).path("name").asText());
        assertEquals(300, slices.get(0).path("dur").asLong());
        assertEquals(1, slices.get(0).path("args").path("cpu").asInt());
        assertEquals(500, slices.get(1).path("dur").asLong(), "the last state lasts until the thread ended");
        assertEquals("w", slices.get(1).path("args").path("owner").asText());
        assertEquals(2, trace.path("otherData").path("cpus").asInt());
    }
}
