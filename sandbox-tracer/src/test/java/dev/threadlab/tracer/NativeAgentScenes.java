package dev.threadlab.tracer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Programs that {@link NativeAgentTest} runs in a JVM of their own under the native agent. Each prints {@code tid
 * <name> <OS thread id>} for the threads it makes, then {@code ready} once its threads are in the state the test looks
 * for, and ends when its standard input closes.
 */
public final class NativeAgentScenes {
    private static final Object FIRST = new Object();
    private static final Object SECOND = new Object();
    private static final Object THIRD = new Object();

    private NativeAgentScenes() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sleep" -> sleeper();
            case "park" -> parked();
            case "monitor" -> monitor();
            case "deadlock" -> deadlock();
            case "end-and-rename" -> endAndRename();
            case "join" -> join();
            case "main-returns" -> {
                mainReturns();
                return;
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("ready");
        System.in.read();
        System.exit(0);
    }

    private static void sleeper() throws InterruptedException {
        start("sleeper-ä\uD83D\uDE42", () -> Thread.sleep(60_000)).join(100);
    }

    private static void parked() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        start("holder", () -> {
            lock.lock();
            held.countDown();
            Thread.sleep(60_000);
        });
        held.await();
        awaitState(start("waiter", lock::lock), Thread.State.WAITING);
    }

    private static void monitor() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        start("monitor-holder", () -> {
            synchronized (FIRST) {
                held.countDown();
                Thread.sleep(60_000);
            }
        });
        held.await();
        awaitState(start("monitor-waiter", () -> {
            synchronized (FIRST) {
                FIRST.notifyAll();
            }
        }), Thread.State.BLOCKED);
    }

    private static void deadlock() throws InterruptedException {
        CountDownLatch all = new CountDownLatch(3);
        Object[] locks = {FIRST, SECOND, THIRD};
        Thread[] threads = new Thread[3];
        for (int i = 0; i < 3; i++) {
            Object mine = locks[i];
            Object next = locks[(i + 1) % 3];
            threads[i] = start("philosopher-" + i, () -> {
                synchronized (mine) {
                    all.countDown();
                    all.await();
                    synchronized (next) {
                        next.notifyAll();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            awaitState(thread, Thread.State.BLOCKED);
        }
    }

    private static void endAndRename() throws InterruptedException {
        start("short-lived", () -> { }).join();
        Thread renamed = start("before-rename", () -> Thread.sleep(60_000));
        Thread.sleep(200);
        renamed.setName("after-rename");
    }

    private static void join() throws InterruptedException {
        Thread sleeper = start("joined", () -> Thread.sleep(60_000));
        awaitState(start("joiner", sleeper::join), Thread.State.WAITING);
    }

    /** Main returns once its last thread has ended: the JVM then shuts down at once, on main's OS thread. */
    private static void mainReturns() throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                // not interrupted
            }
        }, "last-worker");
        worker.start();
        System.out.println("ready");
        worker.join();
    }

    /** Something a scene's thread runs, which may wait. */
    private interface Body {
        void run() throws Exception;
    }

    private static Thread start(String name, Body body) throws InterruptedException {
        CountDownLatch named = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                System.out.println("tid " + Thread.currentThread().getName() + " "
                        + Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName());
                named.countDown();
                body.run();
            } catch (Exception ended) {
                // interrupted at the JVM's end
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        named.await();
        return thread;
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        while (thread.getState() != state) {
            Thread.sleep(5);
        }
    }
}
