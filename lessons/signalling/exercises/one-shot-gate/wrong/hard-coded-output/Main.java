/** A cheat: prints a correct run's lines and starts no teller, over the starter's Gate. */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("main: loading the exchange rates...");
        Thread.sleep(300);
        System.out.println("main: 3 rates loaded, opening the gate");
        for (int t = 1; t <= 3; t++) {
            System.out.println("teller-" + t + " serves with 3 rates");
        }
        System.out.println("main: every teller is serving");
    }
}
