package dev.threadlab.tracer;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Takes this JVM's thread dump ({@code jcmd Thread.print}) through the in-process diagnostic command MBean: the only
 * public way to learn the OS thread of a Java thread whose OS name no longer matches (renamed by another thread).
 * Rarely needed ({@link NativeNames} pairs the rest), and costly the first time (the platform MBean server, about
 * 0.5 s of CPU), which is why it is only the fallback.
 *
 * <p>Why not the attach socket ({@code -XX:+StartAttachListener}), used before: the listener is a Java thread started
 * with the JVM, so it took a Java thread id that the program's first thread gets without tracing.
 */
final class ThreadDump {
    private static final String[] SIGNATURE = {String[].class.getName()};

    /** The dump's text, or null if the JVM does not answer. */
    String take() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                    new Object[] {new String[0]}, SIGNATURE);
            return text instanceof String dump ? dump : null;
        } catch (JMException | RuntimeException noAnswer) {
            return null;
        }
    }
}
