package dev.threadlab.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's trace into Chrome's trace-event JSON ({@code {"traceEvents": [...]}}), which Perfetto UI and
 * chrome://tracing open: one process per OS process (named with its pid and parent), one named track per thread,
 * each state a complete ("X") slice with the CPU and lock details as arguments.
 */
@Singleton
public class ChromeTraceExport {
    private final ObjectMapper json;

    ChromeTraceExport(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode export(List<TraceEvent> events) {
        Map<Long, TraceEvent> processes = new LinkedHashMap<>();
        Map<Long, TraceEvent> threads = new LinkedHashMap<>();
        Map<Long, List<TraceEvent>> states = new LinkedHashMap<>();
        Map<Long, Long> threadEnds = new LinkedHashMap<>();
        List<TraceEvent> instants = new ArrayList<>();
        ObjectNode other = json.createObjectNode();
        long end = 0;
        for (TraceEvent e : events) {
            end = Math.max(end, e.t());
            switch (e.kind()) {
                case TraceEvent.PROCESS -> processes.put(e.pid(), e);
                case TraceEvent.THREAD -> threads.put(e.tid(), e);
                case TraceEvent.STATE -> states.computeIfAbsent(e.tid(), tid -> new ArrayList<>()).add(e);
                case TraceEvent.THREAD_END -> threadEnds.put(e.tid(), e.t());
                case TraceEvent.DEADLOCK, TraceEvent.NOTE -> instants.add(e);
                case TraceEvent.META -> other.put("cpus", e.cpus()).put("sampleHz", e.sampleHz());
                default -> {
                }
            }
        }
        ArrayNode out = json.createArrayNode();
        int order = 0;
        for (TraceEvent p : processes.values()) {
            String parent = processes.containsKey(p.ppid()) ? ", child of " + p.ppid() : "";
            metadata(out, "process_name", p.pid(), null).putObject("args")
                    .put("name", p.name() + " (pid " + p.pid() + parent + ")");
            metadata(out, "process_labels", p.pid(), null).putObject("args").put("labels", p.command());
            metadata(out, "process_sort_index", p.pid(), null).putObject("args").put("sort_index", order++);
        }
        for (TraceEvent t : threads.values()) {
            metadata(out, "thread_name", t.pid(), t.tid()).putObject("args").put("name", t.name());
            metadata(out, "thread_sort_index", t.pid(), t.tid()).putObject("args")
                    .put("sort_index", Boolean.TRUE.equals(t.system()) ? 1000 + order++ : order++);
        }
        for (Map.Entry<Long, List<TraceEvent>> entry : states.entrySet()) {
            List<TraceEvent> slices = entry.getValue();
            long threadEnd = threadEnds.getOrDefault(entry.getKey(), end);
            for (int i = 0; i < slices.size(); i++) {
                TraceEvent s = slices.get(i);
                long until = i + 1 < slices.size() ? slices.get(i + 1).t() : Math.max(threadEnd, s.t());
                ObjectNode slice = out.addObject().put("name", s.state()).put("cat", "state").put("ph", "X")
                        .put("ts", s.t()).put("dur", until - s.t()).put("pid", s.pid()).put("tid", s.tid());
                ObjectNode args = slice.putObject("args");
                putIfSet(args, "cpu", s.cpu());
                putIfSet(args, "javaState", s.javaState());
                putIfSet(args, "on", s.on());
                putIfSet(args, "lock", s.lock());
                putIfSet(args, "owner", s.owner());
                putIfSet(args, "ownerTid", s.ownerTid());
                putIfSet(args, "cpuMs", s.cpuMs());
                putIfSet(args, "step", s.message());
            }
        }
        for (TraceEvent i : instants) {
            ObjectNode instant = out.addObject().put("name", i.kind()).put("ph", "i").put("ts", i.t());
            if (i.pid() != null) {
                instant.put("s", "p").put("pid", i.pid());
            } else {
                instant.put("s", "g").put("pid", 0);
            }
            ObjectNode args = instant.putObject("args").put("message", i.message());
            if (i.threads() != null) {
                args.set("threads", json.valueToTree(i.threads()));
            }
        }
        ObjectNode trace = json.createObjectNode();
        trace.set("traceEvents", out);
        trace.put("displayTimeUnit", "ms");
        trace.set("otherData", other);
        return trace;
    }

    private static ObjectNode metadata(ArrayNode out, String name, Long pid, Long tid) {
        ObjectNode m = out.addObject().put("name", name).put("ph", "M").put("pid", pid);
        if (tid != null) {
            m.put("tid", tid);
        }
        return m;
    }

    private static void putIfSet(ObjectNode args, String field, Object value) {
        if (value instanceof Number number) {
            args.put(field, number.longValue());
        } else if (value != null) {
            args.put(field, value.toString());
        }
    }
}
