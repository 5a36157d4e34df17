import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Calls fetchAll with a number of pages that the program itself never asks for and looks, while it runs, how many
 * threads are inside Main.fetch at the same moment. Each fetch waits two seconds, so pages fetched at the same time
 * are all in there together for a long while; fetched a few at a time, they never are.
 */
class FetchAllTest {
    private static final int PAGES = 5;

    @Test
    void fetchesEveryPageAtTheSameTime() throws Exception {
        ThreadsInFetch inFetch = new ThreadsInFetch();
        inFetch.count(1);   // the first look loads what it needs: do that before fetchAll runs
        ExecutorService caller = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "caller");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<String>> call = caller.submit(() -> Main.fetchAll(PAGES));
            int most = 0;
            while (!call.isDone() && most < PAGES) {
                most = Math.max(most, inFetch.count(PAGES));
                Thread.sleep(20);
            }
            List<String> pages = call.get(30, TimeUnit.SECONDS);
            List<String> expected = new ArrayList<>();
            for (int page = 1; page <= PAGES; page++) {
                expected.add("page " + page + ": " + (1000 + 37 * page) + " bytes");
            }
            assertEquals(expected, pages, "fetchAll(" + PAGES + ") must return what fetch(1) ... fetch(" + PAGES
                    + ") returned, in page order");
            if (most < PAGES) {
                fail("fetchAll(" + PAGES + ") had at most " + most + " of the " + PAGES + " pages inside fetch at the same"
                        + " moment; all of them should be fetched at once (one thread per page)");
            }
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * Counts the threads whose stack is inside Main.fetch. On Java 21 the JVM's thread dump lists virtual threads
     * too (Thread.getAllStackTraces() has only platform threads); the tests are compiled for Java 17, hence reflection.
     */
    static final class ThreadsInFetch {
        private final Object diagnostics;
        private final Method dumpThreads;
        private final Object plainText;
        private final Path folder;
        private int dumps;

        ThreadsInFetch() throws IOException {
            Object bean = null;
            Method method = null;
            Object format = null;
            Path where = null;
            try {
                @SuppressWarnings("unchecked")
                Class<? extends PlatformManagedObject> type = (Class<? extends PlatformManagedObject>)
                        Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
                Class<?> formats = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
                method = type.getMethod("dumpThreads", String.class, formats);
                for (Object constant : formats.getEnumConstants()) {
                    if (constant.toString().equals("TEXT_PLAIN")) {
                        format = constant;
                    }
                }
                bean = ManagementFactory.getPlatformMXBean(type);
                where = Files.createTempDirectory("threads");
            } catch (ReflectiveOperationException | RuntimeException | IOException e) {
                method = null;   // before Java 21: platform threads only
            }
            this.diagnostics = bean;
            this.dumpThreads = format == null ? null : method;
            this.plainText = format;
            this.folder = where;
        }

        /** At least {@code enough}: counts quickly on platform threads, and asks the thread dump only if that is short. */
        int count(int enough) throws Exception {
            int threads = 0;
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                for (StackTraceElement frame : thread.getValue()) {
                    if (frame.getClassName().equals("Main") && frame.getMethodName().equals("fetch")) {
                        threads++;
                        break;
                    }
                }
            }
            if (threads >= enough || dumpThreads == null) {
                return threads;
            }
            Path file = folder.resolve("dump-" + (++dumps) + ".txt");
            dumpThreads.invoke(diagnostics, file.toString(), plainText);
            String dump = Files.readString(file);
            Files.delete(file);
            int inDump = 0;
            for (int at = dump.indexOf("Main.fetch("); at >= 0; at = dump.indexOf("Main.fetch(", at + 1)) {
                inDump++;
            }
            return Math.max(threads, inDump);
        }
    }
}
