package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class LockOwnersTest {

    @Test
    void aParkedThreadsLockAndOwnerAreWhatTheJvmsThreadInfoSays() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                holding.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }, "holder");
        Thread waiter = new Thread(lock::lock, "waiter");
        holder.start();
        holding.await();
        waiter.start();
        Object blocker = waitForBlocker(waiter);
        try {
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(waiter.getId(), 0);
            assertTrue(LockOwners.available(), "the JDK the tracer runs on has the owner field");
            assertEquals(info.getLockName(), JavaThreadTracer.lockName(blocker));
            assertEquals(info.getLockOwnerId(), LockOwners.of(blocker).getId());
            assertEquals(holder, LockOwners.of(blocker));
            assertNull(LockOwners.of(never), "a condition has no owner");
            assertNull(LockOwners.of(new Object()), "nor has any other blocker");
        } finally {
            release.countDown();
            holder.join();
            waiter.join();
        }
    }

    private static Object waitForBlocker(Thread thread) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Object blocker = LockSupport.getBlocker(thread);
            if (blocker != null && thread.getState() == Thread.State.WAITING) {
                return blocker;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the waiter never parked");
    }
}
