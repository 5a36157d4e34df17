package dev.threadlab.tracer;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairs Java threads with OS threads by the name HotSpot gives each OS thread: on Linux, a Java thread's OS thread is
 * named after it when it starts (the kernel keeps the first 15 bytes, {@code /proc/self/task/<tid>/comm}), and the main
 * thread's is {@code java}. Threads whose 15 bytes are the same ({@code ForkJoinPool-1-worker-1} and {@code -2}) are
 * paired in the order they were made: Java ids and OS thread ids both grow as threads are created and started. A name
 * is used only when exactly as many unpaired Java threads as unpaired OS threads carry it, so a thread renamed by
 * another thread (its OS thread keeps the old name) or one that started between the two listings waits for the next
 * sample, or for the thread dump. Measured in the sandbox image: reading the names of a 40-thread JVM takes about
 * 0.5 ms once warm, where the thread dump through the attach socket arrived a median of 198 ms after start-up.
 */
final class NativeNames {
    /** TASK_COMM_LEN is 16 bytes with the terminating NUL. */
    static final int COMM_BYTES = 15;
    /** The name the {@code java} launcher's main thread keeps (HotSpot does not rename the thread it was started on). */
    static final String MAIN_THREAD_COMM = "java";

    /** A Java thread not yet paired: its id (creation order) and current name. */
    record JavaThread(long javaId, String name) {
    }

    private NativeNames() {
    }

    /**
     * The comm of every thread of this process but those in {@code skip}, by tid, in tid order; empty if /proc cannot
     * be read. The names of threads already paired are not read: reading one costs about 15 us, and a 200-thread
     * program's JVM read all of them on every sample while its threads started (70-135 ms of CPU in a one-second run,
     * measured in the sandbox image).
     */
    static Map<Long, String> ownTasks(Set<Long> skip) {
        Map<Long, String> tasks = new TreeMap<>();
        String[] tids = new File("/proc/self/task").list();
        if (tids == null) {
            return Map.of();
        }
        byte[] comm = new byte[COMM_BYTES + 1];
        for (String name : tids) {
            try {
                long tid = Long.parseLong(name);
                if (skip.contains(tid)) {
                    continue;
                }
                // java.io rather than java.nio.file: the same bytes with a fraction of the calls, which matters while
                // the tracer's code still runs interpreted (the first scans come as the program's threads start).
                try (FileInputStream in = new FileInputStream("/proc/self/task/" + name + "/comm")) {
                    int length = in.read(comm);
                    if (length > 0) {
                        tasks.put(tid, new String(comm, 0, length, StandardCharsets.ISO_8859_1).strip());
                    }
                }
            } catch (IOException | NumberFormatException gone) {
                // The thread ended meanwhile.
            }
        }
        return tasks;
    }

    /**
     * Pairs {@code unpaired} Java threads with {@code tasks} (tid → comm, as read as ISO-8859-1 bytes), leaving out
     * tids in {@code taken} and the process's own first thread {@code pid} (the launcher's, not a Java thread).
     * Returns Java id → tid for the names that pair up unambiguously. (Loops rather than streams: this runs in every
     * traced JVM, where each stream pipeline's lambdas cost class spinning and compilation.)
     */
    static Map<Long, Long> pair(List<JavaThread> unpaired, Map<Long, String> tasks, Set<Long> taken, long pid) {
        Map<Long, String> namesById = new TreeMap<>();
        for (JavaThread thread : unpaired) {
            namesById.put(thread.javaId(), thread.name());
        }
        Map<String, List<Long>> javaByKey = new HashMap<>();
        for (Map.Entry<Long, String> thread : namesById.entrySet()) {
            add(javaByKey, key(thread.getValue()), thread.getKey());
        }
        Map<String, List<Long>> tidsByComm = new HashMap<>();
        for (Map.Entry<Long, String> task : new TreeMap<>(tasks).entrySet()) {
            if (task.getKey() != pid && !taken.contains(task.getKey())) {
                add(tidsByComm, task.getValue(), task.getKey());
            }
        }
        Map<Long, Long> paired = new HashMap<>();
        for (Map.Entry<String, List<Long>> named : javaByKey.entrySet()) {
            List<Long> javaIds = named.getValue();
            List<Long> tids = tidsByComm.getOrDefault(named.getKey(), List.of());
            if (tids.size() == javaIds.size()) {
                for (int i = 0; i < tids.size(); i++) {
                    paired.put(javaIds.get(i), tids.get(i));
                }
            }
        }
        return paired;
    }

    private static void add(Map<String, List<Long>> lists, String key, long value) {
        List<Long> list = lists.get(key);
        if (list == null) {
            list = new ArrayList<>();
            lists.put(key, list);
        }
        list.add(value);
    }

    /** The comm a Java thread of this name has, as ISO-8859-1 text of its first 15 UTF-8 bytes. */
    static String key(String javaName) {
        if (javaName.equals("main")) {
            return MAIN_THREAD_COMM;
        }
        byte[] utf8 = javaName.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOf(utf8, Math.min(utf8.length, COMM_BYTES)), StandardCharsets.ISO_8859_1);
    }
}
