public class Main {
    private static final ThreadLocal<StringBuilder> scratch = ThreadLocal.withInitial(StringBuilder::new);

    public static void main(String[] args) throws InterruptedException {
        Thread[] writers = new Thread[3];
        for (int i = 0; i < writers.length; i++) {
            char letter = (char) ('x' + i);
            writers[i] = new Thread(() -> {
                StringBuilder mine = scratch.get();
                for (int k = 0; k < 5; k++) mine.append(letter);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println(Thread.currentThread().getName() + " -> " + mine);
            }, "writer-" + letter);
            writers[i].start();
        }
        for (Thread w : writers) w.join();
        System.out.println("main's own scratch is empty: " + scratch.get().isEmpty());
    }
}
