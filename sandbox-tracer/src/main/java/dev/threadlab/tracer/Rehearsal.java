package dev.threadlab.tracer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Not a learner's program: the sandbox image's build runs it once, traced like a lesson's program, so that its JVM
 * archives the classes such a run loads (AppCDS, see the Dockerfile): the tracer's, the trace socket's, and the
 * concurrency library's that the lessons use. What it does is what lessons do, briefly: threads, a pool, locks,
 * latches, futures, a contended monitor and virtual threads.
 */
public final class Rehearsal {
    private static final Object MONITOR = new Object();

    private Rehearsal() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger total = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> parts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int part = i;
            parts.add(pool.submit(() -> contend(part)));
        }
        for (Future<Integer> part : parts) {
            total.addAndGet(part.get());
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        total.addAndGet(CompletableFuture.supplyAsync(() -> 10).thenApply(value -> value * 2).join());
        total.addAndGet(handOver());
        total.addAndGet(virtualThreads());
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        counts.merge("rehearsal", total.get(), Integer::sum);
        System.out.printf("%s: %d%n", Thread.currentThread().getName(), counts.get("rehearsal"));
        // The tracer sets up its collection watch 100 ms after it starts (loading the JMX classes): let it finish,
        // so that its classes are archived too, and because a JVM that dumps its archive while another thread still
        // loads classes crashed once (SIGSEGV in InstanceKlass::can_be_verified_at_dumptime, JDK 21.0.13).
        Thread.sleep(500);
    }

    private static int contend(int part) throws InterruptedException {
        synchronized (MONITOR) {
            Thread.sleep(15);
        }
        return part;
    }

    /**
     * Two virtual threads that sleep long enough for the tracer's virtual-thread sampler to see them (this class is
     * compiled for Java 17, so the Java 21 API is called reflectively).
     */
    private static int virtualThreads() throws Exception {
        java.lang.reflect.Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            started.add((Thread) start.invoke(null, (Runnable) () -> {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        return started.size();
    }

    /** One thread waits on a condition and a latch for another. */
    private static int handOver() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        CountDownLatch done = new CountDownLatch(1);
        int[] value = new int[1];
        Thread worker = new Thread(() -> {
            lock.lock();
            try {
                value[0] = 5;
                ready.signalAll();
            } finally {
                lock.unlock();
            }
            done.countDown();
        }, "worker");
        lock.lock();
        try {
            worker.start();
            while (value[0] == 0) {
                ready.await(1, TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
        done.await();
        worker.join();
        return value[0];
    }
}
