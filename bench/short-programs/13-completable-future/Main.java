import java.util.concurrent.CompletableFuture;

public class Main {
    public static void main(String[] args) {
        CompletableFuture<String> user = CompletableFuture.supplyAsync(() -> {
            sleep(100);
            return "ada";
        });
        CompletableFuture<Integer> score = CompletableFuture.supplyAsync(() -> {
            sleep(150);
            return 42;
        });
        String line = user.thenApply(String::toUpperCase)
                .thenCombine(score, (name, s) -> name + " scored " + s)
                .join();
        System.out.println(line);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }
}
