import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Gate on a real JVM: waiting on a closed gate, passing an open one, and no ready-made latch inside. */
class GateTest {

    @Test
    void aClosedGateHoldsThreadsBackUntilItOpens() throws Exception {
        Gate gate = new Gate();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch through = new CountDownLatch(1);
        Thread waiter = daemon("test-waiter", () -> {
            try {
                gate.await();
                through.countDown();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        waiter.start();
        // A correct gate holds the thread in wait() however long we look; give it up to 5 s to get there.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiter.getState() != Thread.State.WAITING && through.getCount() > 0 && failure.get() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (failure.get() != null) {
            fail("await() on a closed gate threw an exception: " + failure.get());
        }
        if (through.getCount() == 0) {
            fail("await() on a gate that nobody had opened returned at once: it must wait until another thread"
                    + " calls open()");
        }
        Thread.State state = waiter.getState();
        if (state != Thread.State.WAITING) {
            fail("a thread in await() on a closed gate must rest in wait() until open() wakes it (no busy waiting,"
                    + " no sleeping in a loop), but after 5 s its state was " + state);
        }
        assertEquals(false, (boolean) within("isOpen()", gate::isOpen), "isOpen() of a gate that nobody has opened");
        within("open()", () -> {
            gate.open();
            return null;
        });
        if (!through.await(5, TimeUnit.SECONDS)) {
            fail("a thread waited in await(); another thread called open(), but await() had not returned 5 s"
                    + " later: open() must wake the threads that wait");
        }
        assertEquals(true, (boolean) within("isOpen()", gate::isOpen), "isOpen() after open()");
    }

    @Test
    void anOpenGateLetsEveryoneThroughAtOnce() throws Exception {
        Gate gate = new Gate();
        within("open()", () -> {
            gate.open();
            return null;
        });
        within("a second open()", () -> {
            gate.open();
            return null;
        });
        for (int i = 0; i < 3; i++) {
            within("await() on an open gate", () -> {
                gate.await();
                return null;
            });
        }
        assertEquals(true, (boolean) within("isOpen()", gate::isOpen), "isOpen() after open() was called twice");
    }

    @Test
    void gateDoesItsOwnWaiting() {
        for (Field field : Gate.class.getDeclaredFields()) {
            Package where = field.getType().getPackage();
            if (where != null && where.getName().equals("java.util.concurrent")) {
                fail("Gate has a field " + field.getName() + " of type " + field.getType().getName()
                        + ": build the waiting yourself, with wait() and notifyAll() (or a Lock and a Condition)");
            }
        }
        Class<?> parent = Gate.class.getSuperclass();
        if (parent != null && parent.getPackageName().startsWith("java.util.concurrent")) {
            fail("Gate extends " + parent.getName() + ": build the waiting yourself, with wait() and notifyAll()"
                    + " (or a Lock and a Condition)");
        }
    }

    /** Calls {@code call} in a daemon thread and fails if it does not return within 5 s. */
    private static <V> V within(String what, Callable<V> call) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        daemon("test-call", () -> {
            try {
                outcome.set(new Returned(call.call()));
            } catch (Throwable e) {
                outcome.set(e);
            }
            done.countDown();
        }).start();
        if (!done.await(5, TimeUnit.SECONDS)) {
            fail(what + " did not return within 5 s (it should not have to wait here)");
        }
        if (outcome.get() instanceof Throwable e) {
            fail(what + " threw an exception: " + e);
        }
        @SuppressWarnings("unchecked")
        V value = (V) ((Returned) outcome.get()).value();
        return value;
    }

    private record Returned(Object value) {}

    /** A daemon thread: one that waits forever must not keep the JVM alive. */
    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
