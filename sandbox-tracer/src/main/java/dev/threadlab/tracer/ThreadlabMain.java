package dev.threadlab.tracer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Main class of a traced program's JVM: {@code ThreadlabMain <program's main class> <args>}. Starts the tracer in
 * this JVM, lets JVMs that the program starts load the trace agent, then runs the program's {@code main} on this
 * same "main" thread.
 *
 * <p>Why not the Java agent here too: loading any Java agent turns off the CDS archive's pre-resolved module graph
 * and costs about 40 ms of start-up, a third of a hello world run.
 *
 * <p>What the program sees stays as with {@code java Main}: the launcher's error messages and exit code 1 for a
 * missing or wrong main method, and uncaught exceptions printed without this class's frame.
 */
public final class ThreadlabMain {
    private ThreadlabMain() {
    }

    public static void main(String[] args) throws Throwable {
        // Before the program runs: a JVM it starts must already find the agent in its options.
        enableAgentForChildren();
        TracerThread.start();
        MethodHandle main = findMain(args[0]);
        try {
            main.invokeExact(Arrays.copyOfRange(args, 1, args.length));
        } catch (Throwable uncaught) {
            hideOwnFrames(uncaught, Collections.newSetFromMap(new IdentityHashMap<>()));
            throw uncaught;
        }
    }

    /**
     * JVMs started by the program read their options from a file named in JAVA_TOOL_OPTIONS. This JVM read it too,
     * while it was still empty; from now on it loads the agent.
     */
    private static void enableAgentForChildren() {
        String file = System.getenv("THREADLAB_TRACE_OPTIONS_FILE");
        String options = System.getenv("THREADLAB_TRACE_CHILD_OPTIONS");
        if (file == null || options == null) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(file)) {
            out.write(options.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("threadlab: JVMs started by the program will not be traced: " + e);
        }
    }

    /** Finds {@code public static void main(String[])} as the {@code java} launcher does, with its messages. */
    private static MethodHandle findMain(String className) throws IllegalAccessException {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, ThreadlabMain.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw exit("Error: Could not find or load main class " + className + "\nCaused by: " + e);
        }
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw exit("Error: Main method not found in class " + className + ", please define the main method as:\n"
                    + "   public static void main(String[] args)\n"
                    + "or a JavaFX application class must extend javafx.application.Application");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw exit("Error: Main method is not static in class " + className + ", please define the main method as:\n"
                    + "   public static void main(String[] args)");
        }
        if (main.getReturnType() != void.class) {
            throw exit("Error: Main method must return a value of type void in class " + className + ", please \n"
                    + "define the main method as:\n   public static void main(String[] args)");
        }
        // The class itself need not be public (java runs a package-private Main too).
        main.setAccessible(true);
        return MethodHandles.lookup().unreflect(main);
    }

    private static Error exit(String message) {
        System.err.println(message);
        System.exit(1);
        return new AssertionError("unreachable");
    }

    /** Drops the frames below the program's main (this class's), so stack traces read as under {@code java Main}. */
    private static void hideOwnFrames(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] frames = t.getStackTrace();
        int keep = frames.length;
        while (keep > 0 && frames[keep - 1].getClassName().equals(ThreadlabMain.class.getName())) {
            keep--;
        }
        if (keep < frames.length) {
            t.setStackTrace(Arrays.copyOf(frames, keep));
        }
        hideOwnFrames(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            hideOwnFrames(suppressed, seen);
        }
    }
}
