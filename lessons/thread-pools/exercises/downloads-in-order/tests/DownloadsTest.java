import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Runs the program's main and looks, while it runs, how many threads are inside Main.download at the same moment. */
class DownloadsTest {

    @Test
    void threeDownloadsAreInProgressAtOnce() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger most = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                most.accumulateAndGet(threadsInDownload(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            Main.main(new String[0]);
        } finally {
            done.set(true);
            sampler.join(5000);
        }
        if (most.get() != 3) {
            Assertions.fail(
                    "while main ran, the most downloads in progress at the same moment (threads inside download()) was "
                    + most.get() + ", not 3: a pool of three threads downloads three files at a time");
        }
    }

    private static int threadsInDownload() {
        int threads = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().equals("Main") && frame.getMethodName().equals("download")) {
                    threads++;
                    break;
                }
            }
        }
        return threads;
    }
}
