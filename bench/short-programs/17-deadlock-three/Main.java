public class Main {
    static final Object forkA = new Object();
    static final Object forkB = new Object();
    static final Object forkC = new Object();

    static Thread philosopher(String name, Object first, Object second) {
        return new Thread(() -> {
            synchronized (first) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (second) {
                    System.out.println(name + " eats");
                }
            }
        }, name);
    }

    public static void main(String[] args) {
        philosopher("plato", forkA, forkB).start();
        philosopher("kant", forkB, forkC).start();
        philosopher("hume", forkC, forkA).start();
    }
}
