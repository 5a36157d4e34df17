package dev.threadlab.tracer;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Reads fields of the JDK's own classes that no public API exposes (which virtual threads exist, where each is
 * mounted; the counter of Java thread ids). Through {@code sun.misc.Unsafe}, which the {@code jdk.unsupported} module
 * opens to every class: the alternatives, {@code --add-opens} or a Java agent, turn off the CDS archive's pre-resolved
 * module graph and cost every traced JVM 10-40 ms of start-up. Every use is guarded: a JDK whose fields differ
 * (checked by name and type) gets no virtual-thread lanes and its ids shifted, never a crash.
 */
@SuppressWarnings({"deprecation", "removal"})
final class JdkInternals {
    static final Unsafe UNSAFE = unsafe();

    private JdkInternals() {
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    /** A declared field of a JDK class, checked to have the expected type; throws if the JDK differs. */
    static Field field(Class<?> owner, String name, Class<?> type) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        if (field.getType() != type || UNSAFE == null) {
            throw new NoSuchFieldException(owner.getName() + "." + name + " is not a " + type.getName());
        }
        return field;
    }

    static Object staticObject(Field field) {
        return UNSAFE.getObject(UNSAFE.staticFieldBase(field), UNSAFE.staticFieldOffset(field));
    }

    static long staticLong(Field field) {
        return UNSAFE.getLong(UNSAFE.staticFieldBase(field), UNSAFE.staticFieldOffset(field));
    }

    static long offset(Field field) {
        return UNSAFE.objectFieldOffset(field);
    }
}
