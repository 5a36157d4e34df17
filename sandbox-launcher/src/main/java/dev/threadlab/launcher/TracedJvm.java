package dev.threadlab.launcher;

import dev.threadlab.protocol.JavaRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a traced run starts its JVMs so that every one of them reports its Java threads to the {@link AgentHub}.
 *
 * <p>The program's JVM runs {@code ThreadlabMain}, which starts the tracer in-process and then calls the program's
 * main. It does not load the Java agent: any Java agent turns off the CDS archive's pre-resolved module graph and
 * costs about 40 ms of start-up, more than a hello world program takes.
 *
 * <p>JVMs the program starts ({@code java} from PATH, {@code java.home}/bin/java, any launcher) do load the agent:
 * the environment all of them inherit carries {@code JAVA_TOOL_OPTIONS=-XX:VMOptionsFile=<file>}. That file is empty
 * while the program's JVM starts; {@code ThreadlabMain} writes the agent option into it before the program runs.
 * (A program that deletes the file can no longer start JVMs: they fail on the missing options file.)
 *
 * <p>No traced JVM starts HotSpot's attach listener: it is a Java thread, and would take a Java thread id that the
 * program's own threads get without tracing (the tracer's thread gives its id back, see the tracer's ThreadIds).
 */
final class TracedJvm {
    private static final String TRACER_CLASSES = "/opt/sandbox/lib/tracer/threadlab-tracer.jar";
    private static final String MAIN = "dev.threadlab.tracer.ThreadlabMain";
    private static final String REHEARSAL = "dev.threadlab.tracer.Rehearsal";
    /**
     * AppCDS for the program's JVM, made by the image build's rehearsal (see the Dockerfile). Measured with
     * {@code -Xlog:class+load}: without it, a traced hello world loads about 130 JDK classes (UNIX sockets, the random
     * source behind them, thread pools) and the tracer's from their jars before and while its main runs.
     */
    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=/opt/sandbox/program-{jdk}.jsa -Xshare:auto"
            + " -Xlog:cds=off,cds+dynamic=off";
    /**
     * The JDKs whose traced JVM starts from such an archive: both. Without it, JDK 25 loads the Java tracer's classes
     * from the jar when the first carrier thread appears, too late for short-lived virtual threads (the virtual-threads
     * lesson's three 100 ms sleepers got no lanes in 2 runs of 3; with it, 3 of 3). The price, on JDK 25 only: with any
     * {@code -XX:SharedArchiveFile} its start-up takes one Java thread id more than without (Reference Handler #8
     * instead of #7, even when the archive is refused), so a traced program sees every id one higher than untraced.
     */
    static final Set<JavaRelease> ARCHIVED = EnumSet.allOf(JavaRelease.class);
    /**
     * The tracer reads the JDK's fields through {@code sun.misc.Unsafe} (see its JdkInternals). From JDK 24 on, the
     * first such read prints a four-line warning on the program's stderr (JEP 498) unless this property allows it. On
     * JDK 21 it is an ordinary, unread property.
     */
    private static final String UNSAFE_ALLOWED = "-Dsun.misc.unsafe.memory.access=allow";
    /**
     * HotSpot's own record of every safepoint (its operation, when it ended and how long it lasted), one line each into
     * a file of the JVM's own ({@code %p} is its pid), which its tracer reads (the tracer's SafepointLog): the only
     * record of safepoints other than collections. No rotation, so the file the tracer holds open stays the one written.
     */
    static final String SAFEPOINT_LOG = "-Xlog:safepoint=info:file=/tmp/.threadlab-safepoints-%p.log:timenanos:filecount=0";
    /**
     * The native tracer (the tracer module's src/main/c), which samples the program's JVM without running Java code
     * on its hot path: the Java tracer's sampling, JIT compilation and class loading cost a 200-thread program 25-40 %
     * of its speed, the native agent's within the noise of nothing (docs/benchmarks/trace.md). It asks the tracer's
     * jar, on the class path below, for the rare parts, and hands over to the Java tracer if virtual threads appear.
     */
    private static final String NATIVE_AGENT = "-agentpath:/opt/sandbox/lib/tracer/libthreadlab-agent.so";
    /** The options the program's JVM gets before the program's own, after the archive: the log and the native tracer. */
    private static final String TRACED_OPTIONS = UNSAFE_ALLOWED + " " + SAFEPOINT_LOG + " " + NATIVE_AGENT;
    private static final String AGENT = "-javaagent:" + TRACER_CLASSES + " " + UNSAFE_ALLOWED + " " + SAFEPOINT_LOG;
    private static final Path OPTIONS_FILE = Path.of("/tmp/.threadlab-jvm-options");
    private static final String TOOL_OPTIONS = "-XX:VMOptionsFile=" + OPTIONS_FILE;

    private TracedJvm() {
    }

    /**
     * The program JVM's arguments after {@code java} and any JVM options, with the tracer before the program, and the
     * classes a traced run loads from the image's archive (falling back silently to loading them without it).
     */
    static List<String> arguments(JavaRelease jdk, String classpath, String mainClass) {
        List<String> arguments = new ArrayList<>(List.of(tracedOptions(jdk).split(" ")));
        arguments.addAll(List.of("-cp", TRACER_CLASSES + ":" + classpath, MAIN, mainClass));
        return List.copyOf(arguments);
    }

    /**
     * The image build's rehearsal of a traced run, whose JVM writes the archive to {@code archive} when it ends. Its
     * class path is the tracer's jar alone, the start of every traced run's: an archive's class path must begin the
     * class path it is used with, and a folder on it must still be empty when it is used (HotSpot refuses the whole
     * archive otherwise, "directory is not empty", silently under {@code -Xshare:auto}: with the program's folder on
     * the rehearsal's class path, no traced run ever mapped its archive).
     */
    static List<String> rehearsalArguments(Path archive) {
        // Without the native agent: CDS cannot dump with a native JVMTI agent loaded. The archive then holds the Java
        // tracer's classes, which the native agent hands over to when virtual threads appear.
        return List.of("-XX:ArchiveClassesAtExit=" + archive, UNSAFE_ALLOWED, "-cp", TRACER_CLASSES, MAIN, REHEARSAL);
    }

    private static String tracedOptions(JavaRelease jdk) {
        return ARCHIVED.contains(jdk)
                ? SHARED_ARCHIVE.replace("{jdk}", Integer.toString(jdk.feature())) + " " + TRACED_OPTIONS : TRACED_OPTIONS;
    }

    /** The program JVM's command line as the learner wrote it: without the tracer's option, class path and main. */
    static String asWritten(String commandLine) {
        String written = commandLine;
        for (JavaRelease jdk : JavaRelease.values()) {
            written = written.replace(" " + tracedOptions(jdk) + " ", " ");
        }
        return written.replace(" " + UNSAFE_ALLOWED + " " + SAFEPOINT_LOG + " ", " ")
                .replace(" " + SAFEPOINT_LOG + " ", " ")
                .replace(" " + TRACER_CLASSES + ":", " ")
                .replace(" " + MAIN + " ", " ");
    }

    /** Prepares the environment (inherited by every JVM of the run) and the still empty options file. */
    static void configure(Map<String, String> environment, Path socket, int sampleHz) throws IOException {
        Files.writeString(OPTIONS_FILE, "");
        // Written by the launcher's uid, filled in by the program's (ThreadlabMain): the learner may change it, which
        // only changes how its own child JVMs are traced.
        Files.setPosixFilePermissions(OPTIONS_FILE, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        environment.put("JAVA_TOOL_OPTIONS", TOOL_OPTIONS);
        environment.put("THREADLAB_TRACE_OPTIONS_FILE", OPTIONS_FILE.toString());
        environment.put("THREADLAB_TRACE_CHILD_OPTIONS", AGENT);
        environment.put("THREADLAB_TRACE_SOCKET", socket.toString());
        environment.put("THREADLAB_TRACE_HZ", Integer.toString(sampleHz));
    }

    /** What each JVM prints on stderr because of JAVA_TOOL_OPTIONS; not the program's output. */
    static String pickedUpLine() {
        return "Picked up JAVA_TOOL_OPTIONS: " + TOOL_OPTIONS + "\n";
    }
}
