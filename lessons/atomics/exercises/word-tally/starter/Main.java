public class Main {
    static final String PAGE = "the cat sat on the mat and the dog sat on the cat";

    public static void main(String[] args) throws InterruptedException {
        WordTally tally = new WordTally();
        Thread[] readers = new Thread[4];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> {
                for (int page = 0; page < 20_000; page++) {         // every reader reads the same 20 000 pages
                    for (String word : PAGE.split(" ")) {
                        tally.add(word);
                    }
                }
            }, "reader-" + (i + 1));
            readers[i].start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        tally.sorted().forEach((word, count) -> System.out.println(word + " " + count));
    }
}
