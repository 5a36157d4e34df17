package dev.threadlab.tracer;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds this JVM's virtual threads and reads where each one is: JDK 21 keeps every live virtual thread in a thread
 * container (the root container's set, or the set of the executor or scope that started it; {@code jcmd
 * Thread.dump_to_file} lists them from there), and each virtual thread's state and carrier in two fields.
 *
 * <p>Why not JFR's virtual-thread events: they arrive about a second late and have no mount or unmount event; JVMTI's
 * mount events need a native agent in every JVM. Reading the fields costs about 10 ns a thread (measured: 4 virtual
 * threads listed in 94 µs the first time, mostly class loading), so the tracer samples them with the platform threads.
 */
final class VirtualThreads {
    /** The raw states of {@code java.lang.VirtualThread} in JDK 21 (its private constants), without SUSPENDED. */
    static final int NEW = 0;
    static final int STARTED = 1;
    static final int RUNNING = 2;
    static final int PARKING = 3;
    static final int PARKED = 4;
    static final int PINNED = 5;
    static final int TIMED_PARKING = 6;
    static final int TIMED_PARKED = 7;
    static final int TIMED_PINNED = 8;
    static final int UNPARKED = 9;
    static final int YIELDING = 10;
    static final int YIELDED = 11;
    /**
     * JDK 24 on (JEP 491): a virtual thread that blocks on a monitor or waits in {@code Object.wait()} unmounts, with
     * states of its own. Never seen on JDK 21. BLOCKING, WAITING and TIMED_WAITING are still on the carrier.
     */
    static final int BLOCKING = 12;
    static final int BLOCKED = 13;
    static final int UNBLOCKED = 14;
    static final int WAITING = 15;
    static final int WAIT = 16;
    static final int TIMED_WAITING = 17;
    static final int TIMED_WAIT = 18;
    static final int TERMINATED = 99;
    private static final int SUSPENDED = 256;

    private final Class<?> virtualThread;
    private final long state;
    private final long carrier;
    private final Set<?> rootThreads;
    private final Set<?> containers;
    /** Per container class: the offsets of its fields that hold sets of threads, or a thread flock. */
    private final Map<Class<?>, List<Long>> setFields = new HashMap<>();
    private final Map<Class<?>, List<Long>> flockFields = new HashMap<>();

    private VirtualThreads(Class<?> virtualThread, long state, long carrier, Set<?> rootThreads, Set<?> containers) {
        this.virtualThread = virtualThread;
        this.state = state;
        this.carrier = carrier;
        this.rootThreads = rootThreads;
        this.containers = containers;
    }

    /** The virtual threads of this JVM, or null on a JDK without them (or with other internals). */
    static VirtualThreads find() {
        try {
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread", false, null);
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers", true, null);
            Class<?> tracking = Class.forName("jdk.internal.vm.ThreadContainers$RootContainer$TrackingRootContainer",
                    true, null);
            return new VirtualThreads(virtualThread,
                    JdkInternals.offset(JdkInternals.field(virtualThread, "state", int.class)),
                    JdkInternals.offset(JdkInternals.field(virtualThread, "carrierThread", Thread.class)),
                    (Set<?>) JdkInternals.staticObject(JdkInternals.field(tracking, "VTHREADS", Set.class)),
                    (Set<?>) JdkInternals.staticObject(JdkInternals.field(containers, "CONTAINER_REGISTRY", Set.class)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError otherJdk) {
            // Not JDK 21's layout, or jdk.trackAllThreads=false (the root container then keeps no set).
            return null;
        }
    }

    /** Adds every live virtual thread to {@code into}. */
    void collect(Collection<Thread> into) {
        addVirtual(rootThreads, into);
        for (Object entry : containers.toArray()) {
            Object container = entry instanceof Reference<?> reference ? reference.get() : null;
            if (container != null) {
                collectFrom(container, into, true);
            }
        }
    }

    private void collectFrom(Object container, Collection<Thread> into, boolean descend) {
        for (long offset : offsets(container.getClass(), setFields, Set.class)) {
            addVirtual(JdkInternals.UNSAFE.getObjectVolatile(container, offset), into);
        }
        if (descend) {
            // A structured task scope's container keeps its threads in its ThreadFlock.
            for (long offset : offsets(container.getClass(), flockFields, null)) {
                Object flock = JdkInternals.UNSAFE.getObjectVolatile(container, offset);
                if (flock != null) {
                    collectFrom(flock, into, false);
                }
            }
        }
    }

    private void addVirtual(Object set, Collection<Thread> into) {
        if (!(set instanceof Set<?> threads) || threads.isEmpty()) {
            return;
        }
        for (Object thread : threads.toArray()) {
            if (virtualThread.isInstance(thread)) {
                into.add((Thread) thread);
            }
        }
    }

    /** Instance fields of {@code type} (or, with null, of a class named ThreadFlock) declared by the class or above. */
    private static List<Long> offsets(Class<?> owner, Map<Class<?>, List<Long>> cache, Class<?> type) {
        return cache.computeIfAbsent(owner, c -> {
            List<Long> offsets = new ArrayList<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field field : k.getDeclaredFields()) {
                    boolean wanted = type != null ? field.getType() == type
                            : field.getType().getName().equals("jdk.internal.misc.ThreadFlock");
                    if (wanted && !Modifier.isStatic(field.getModifiers())) {
                        offsets.add(JdkInternals.offset(field));
                    }
                }
            }
            return offsets;
        });
    }

    /** The virtual thread's state, one of the constants above. */
    int state(Thread thread) {
        return JdkInternals.UNSAFE.getIntVolatile(thread, state) & ~SUSPENDED;
    }

    /** The platform thread it is mounted on, or null. */
    Thread carrier(Thread thread) {
        return (Thread) JdkInternals.UNSAFE.getObjectVolatile(thread, carrier);
    }

    /** Whether the state says the thread is on a carrier (running, or parked but pinned to it). */
    static boolean mounted(int state) {
        return state == RUNNING || state == PARKING || state == TIMED_PARKING || state == YIELDING
                || state == PINNED || state == TIMED_PINNED || state == BLOCKING || state == WAITING
                || state == TIMED_WAITING;
    }

    static boolean parked(int state) {
        return state == PARKED || state == TIMED_PARKED || state == PINNED || state == TIMED_PINNED || state == WAIT
                || state == TIMED_WAIT;
    }

    /** What {@code Thread.getState()} says of a virtual thread in this state while it is not blocked on a monitor. */
    static Thread.State javaState(int state) {
        return switch (state) {
            case NEW -> Thread.State.NEW;
            case PARKED, PINNED, WAIT -> Thread.State.WAITING;
            case TIMED_PARKED, TIMED_PINNED, TIMED_WAIT -> Thread.State.TIMED_WAITING;
            case BLOCKED -> Thread.State.BLOCKED;
            case TERMINATED -> Thread.State.TERMINATED;
            default -> Thread.State.RUNNABLE;
        };
    }

    /** The word the launcher gets for a raw state (the trace protocol's vocabulary, see the launcher's VirtualLane). */
    static String word(int state) {
        return switch (state) {
            case NEW -> "new";
            case STARTED, UNPARKED, YIELDED, UNBLOCKED -> "runnable";
            case RUNNING, PARKING, TIMED_PARKING, YIELDING, BLOCKING, WAITING, TIMED_WAITING -> "mounted";
            case PARKED, TIMED_PARKED, WAIT, TIMED_WAIT -> "parked";
            case BLOCKED -> "blocked";
            case PINNED, TIMED_PINNED -> "pinned";
            case TERMINATED -> "terminated";
            default -> "unknown";
        };
    }
}
