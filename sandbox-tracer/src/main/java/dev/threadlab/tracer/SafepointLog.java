package dev.threadlab.tracer;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This JVM's safepoints, from HotSpot's own safepoint log: every traced JVM starts with
 * {@code -Xlog:safepoint=info:file=/tmp/.threadlab-safepoints-%p.log:timenanos} (see the launcher's TracedJvm), and
 * the JVM writes one line as each safepoint ends, naming its operation (a thread dump, a deoptimisation, a collection)
 * with its total length: {@code [1385985165ns] Safepoint "ThreadDump", Time since last: ... ns, Reaching safepoint:
 * ... ns, Cleanup: ... ns, At safepoint: ... ns, Total: 5517760 ns}. While one lasts, every Java thread stands still,
 * the tracer's too; the line is written as the threads resume, so the tracer's next sample finds it.
 *
 * <p>Sent as {@code Y start end operation}, or for a collection's operation ({@link #isCollection}) as {@code P start
 * end operation}: the log has every stop-the-world collection too, with its exact times, since the JVM started.
 * The file is the learner's (their JVM writes it), like everything this tracer says: the launcher caps what it
 * believes.
 */
final class SafepointLog {
    /** The log's path pattern, {@code %p} being the JVM's pid, as the launcher's TracedJvm.SAFEPOINT_LOG names it. */
    static final String PATH = "/tmp/.threadlab-safepoints-%p.log";
    /** HotSpot's names of the operations that collect (JDK 21: G1*, GenCollect*, ParallelGC*, Z*, X*, Shenandoah*). */
    private static final Pattern COLLECTION = Pattern.compile("Collect|GC|^G1|^Shenandoah|^[XZ][A-Z]");
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns\\] Safepoint \"([^\"]{1,100})\".*Total: (\\d+) ns");
    /** A line longer than this is not HotSpot's: dropped, so the learner cannot make the tracer buffer without end. */
    private static final int MAX_LINE = 1000;

    private final String path;
    private final long origin;
    private final StringBuilder partial = new StringBuilder();
    private final byte[] buffer = new byte[8192];
    private FileInputStream in;
    private boolean gone;

    /**
     * The log of JVM {@code pid} (this one), whose times are the JVM's {@code timenanos}: {@link System#nanoTime()}'s
     * clock, the one every line to the launcher uses.
     */
    static SafepointLog of(long pid) {
        return new SafepointLog(pid, 0);
    }

    /** {@code origin}: what is added to the log's times to make them {@link System#nanoTime()}'s. */
    SafepointLog(long pid, long origin) {
        this.path = PATH.replace("%p", Long.toString(pid));
        this.origin = origin;
    }

    /** Appends a {@code P} or {@code Y} line for every safepoint logged since the last call; nothing without a log. */
    void drainInto(StringBuilder out) {
        if (gone || !open()) {
            return;
        }
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                take(new String(buffer, 0, n, StandardCharsets.ISO_8859_1), out);
            }
        } catch (IOException unreadable) {
            gone = true;
        }
    }

    /** Whether a VM operation is a garbage collector's (its pause is drawn as a collection's). */
    static boolean isCollection(String operation) {
        return COLLECTION.matcher(operation).find();
    }

    private boolean open() {
        if (in == null) {
            try {
                in = new FileInputStream(path);
            } catch (IOException noLog) {
                // Not traced with the log (an older launcher, or the learner removed it): no safepoints to tell.
                gone = true;
                return false;
            }
        }
        return true;
    }

    /** Splits what was read into lines, keeping an unfinished last line for the next read. */
    void take(String text, StringBuilder out) {
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            partial.append(text, start, newline);
            line(partial.toString(), out);
            partial.setLength(0);
            start = newline + 1;
        }
        partial.append(text, start, text.length());
        if (partial.length() > MAX_LINE) {
            partial.setLength(0);
        }
    }

    private void line(String line, StringBuilder out) {
        if (line.length() > MAX_LINE) {
            return;
        }
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return;
        }
        try {
            long end = origin + Long.parseLong(m.group(1));
            long start = end - Long.parseLong(m.group(3));
            out.append(isCollection(m.group(2)) ? "P\t" : "Y\t").append(start).append('\t').append(end).append('\t')
                    .append(JavaThreadTracer.clean(m.group(2), 100)).append('\n');
        } catch (NumberFormatException notHotSpots) {
            // Numbers too large for a long: not a line HotSpot wrote.
        }
    }
}
