import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            serveTasks();
            return;
        }
        List<Integer> tasks = List.of(1, 2, 3, 4, 5);
        try (ProcessPool pool = new ProcessPool(4)) {
            List<Integer> answers = pool.map(tasks);
            for (int i = 0; i < tasks.size(); i++) {
                System.out.println("task " + tasks.get(i) + " -> " + answers.get(i));
            }
        }
    }

    /** A worker process: says "ready", then answers each task line n with n * n, one second later. */
    static void serveTasks() throws IOException, InterruptedException {
        System.out.println("ready");
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in));
        for (String line = tasks.readLine(); line != null; line = tasks.readLine()) {
            int n = Integer.parseInt(line.trim());
            Thread.sleep(1000);            // the work takes one second
            System.out.println(n * n);
        }
    }
}
