import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Four buyer processes of the test's own call the learner's sellOne at the same time, through a channel whose reads
 * are slow: without a lock that really keeps the other processes out, two buyers read the same count in every run.
 */
class TicketOfficeTest {
    private static final int TICKETS = 20;
    private static final int BUYERS = 4;

    @Test
    void fourBuyerProcessesNeverSellATicketTwice() throws Exception {
        Path tickets = Files.createTempDirectory("office").resolve("tickets.txt");
        Files.writeString(tickets, String.format("%-8d", TICKETS));
        List<Process> buyers = new ArrayList<>();
        List<BufferedReader> answers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Process buyer = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp",
                    System.getProperty("java.class.path"), Buyer.class.getName(), tickets.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            buyers.add(buyer);
            answers.add(new BufferedReader(new InputStreamReader(buyer.getInputStream(), StandardCharsets.UTF_8)));
        }
        try {
            for (BufferedReader answer : answers) {
                assertEquals("ready", answer.readLine(), "a buyer process did not start");
            }
            for (Process buyer : buyers) {
                new PrintWriter(buyer.getOutputStream(), true).println("go");
            }
            int sold = 0;
            for (int i = 0; i < BUYERS; i++) {
                String line = answers.get(i).readLine();
                assertTrue(line != null && line.matches("\\d+"),
                        "a buyer process ended without saying how many tickets it sold (buyer " + (i + 1)
                        + ", which printed " + line + "); did sellOne throw?");
                sold += Integer.parseInt(line);
                assertTrue(buyers.get(i).waitFor(30, TimeUnit.SECONDS), "a buyer process did not end");
            }
            assertEquals(TICKETS, sold, "four buyer processes calling sellOne at the same time sold " + sold
                    + " tickets, but there were " + TICKETS
                    + ": the read-pay-write must be one step for one process at a time");
            assertEquals("0", Files.readString(tickets).trim(), "tickets left in the file");
        } finally {
            buyers.forEach(Process::destroyForcibly);
        }
    }

    /** One buyer process: says "ready", waits for "go", sells until sold out, prints how many it sold. */
    public static final class Buyer {
        public static void main(String[] args) throws Exception {
            BufferedReader fromTest = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            fromTest.readLine();
            int sold = 0;
            try (FileChannel file = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileChannel slow = new SlowReads(file)) {
                while (Main.sellOne(slow)) {
                    sold++;
                }
            }
            System.out.println(sold);
        }
    }

    /** The real channel, but every read takes 20 ms longer: the window between read and write is always wide. */
    static final class SlowReads extends FileChannel {
        private final FileChannel real;

        SlowReads(FileChannel real) {
            this.real = real;
        }

        private static <T> T slowly(T value) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return slowly(real.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return slowly(real.read(dsts, offset, length));
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return slowly(real.read(dst, position));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return real.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
