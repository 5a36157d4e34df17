public class Main {
    public static void main(String[] args) throws Exception {
        for (int n = 1; n <= 5; n++) {
            work(n);
        }
        System.out.println("5 tasks done");
    }

    /** One task: about a second of waiting. */
    static void work(int n) throws InterruptedException {
        Thread.sleep(1000);
    }
}
