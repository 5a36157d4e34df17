import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bureau de change opens for the day. Three tellers are ready at once, but they must not serve anybody before
 * main has loaded today's exchange rates: they wait at a Gate, and main opens it when the rates are in. You do not
 * need to change this file: make Gate right.
 */
public class Main {
    static final int TELLERS = 3;

    public static void main(String[] args) throws InterruptedException {
        Gate ratesLoaded = new Gate();
        Map<String, Double> rates = new HashMap<>();   // written by main before open(), read by tellers after await()

        List<Thread> tellers = new ArrayList<>();
        for (int t = 1; t <= TELLERS; t++) {
            Thread teller = new Thread(() -> {
                try {
                    ratesLoaded.await();               // no serving before the rates are in
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println(Thread.currentThread().getName() + " serves with " + rates.size() + " rates");
            }, "teller-" + t);
            tellers.add(teller);
            teller.start();
        }

        System.out.println("main: loading the exchange rates...");
        Thread.sleep(300);                             // a slow download
        rates.put("USD", 1.08);
        rates.put("GBP", 0.85);
        rates.put("JPY", 162.4);
        System.out.println("main: " + rates.size() + " rates loaded, opening the gate");
        ratesLoaded.open();

        for (Thread teller : tellers) {
            teller.join();
        }
        System.out.println("main: every teller is serving");
    }
}
