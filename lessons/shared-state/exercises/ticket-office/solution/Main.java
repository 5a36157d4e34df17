import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final Path TICKETS = Path.of("tickets.txt");
    static final int TICKET_COUNT = 20;
    static final int BUYERS = 4;

    /** The parent: fills the counter, starts the buyers together, and adds up what they sold. Do not change. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("buyer")) {
            runBuyer();
            return;
        }
        Files.writeString(TICKETS, String.format("%-8d", TICKET_COUNT));
        List<Process> buyers = new ArrayList<>();
        List<BufferedReader> fromBuyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Process buyer = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "buyer")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            buyers.add(buyer);
            fromBuyers.add(new BufferedReader(new InputStreamReader(buyer.getInputStream())));
        }
        for (BufferedReader from : fromBuyers) {
            from.readLine();                                   // every buyer says "ready"...
        }
        for (Process buyer : buyers) {
            new PrintWriter(buyer.getOutputStream(), true).println("go");   // ...then all start at once
        }
        int sold = 0;
        for (int i = 0; i < BUYERS; i++) {
            sold += Integer.parseInt(fromBuyers.get(i).readLine());
            buyers.get(i).waitFor();
        }
        System.out.println("Tickets: " + TICKET_COUNT + ", buyers: " + BUYERS);
        System.out.println("Sold: " + sold);
        System.out.println("Left: " + Files.readString(TICKETS).trim());
    }

    /** One buyer process: waits for "go", sells tickets until none are left, then reports how many it sold. */
    static void runBuyer() throws Exception {
        BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        fromParent.readLine();
        int sold = 0;
        try (FileChannel file = FileChannel.open(TICKETS, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            while (sellOne(file)) {
                sold++;
            }
        }
        System.out.println(sold);
    }

    /** Sells one ticket if one is left and returns true; returns false when the tickets are sold out. */
    static boolean sellOne(FileChannel file) throws Exception {
        try (FileLock lock = file.lock()) {   // only one buyer process at a time from here...
            int left = readCount(file);
            if (left == 0) {
                return false;
            }
            Thread.sleep(10);                 // the customer pays
            writeCount(file, left - 1);
            return true;
        }                                     // ...to here
    }

    static int readCount(FileChannel file) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        file.read(buffer, 0);
        return Integer.parseInt(new String(buffer.array(), StandardCharsets.US_ASCII).trim());
    }

    static void writeCount(FileChannel file, int count) throws Exception {
        file.write(ByteBuffer.wrap(String.format("%-8d", count).getBytes(StandardCharsets.US_ASCII)), 0);
    }
}
