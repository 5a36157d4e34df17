import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            runChild(Integer.parseInt(args[1]));
            return;
        }
        String java = System.getProperty("java.home") + "/bin/java";
        String classPath = System.getProperty("java.class.path");
        List<ProcessBuilder> children = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            children.add(new ProcessBuilder(java, "-cp", classPath, "Main", "child", String.valueOf(n)).inheritIO());
        }
        List<Integer> codes = startAllThenWait(children);
        for (int n = 1; n <= codes.size(); n++) {
            System.out.println("child " + n + " exited with " + codes.get(n - 1));
        }
    }

    /**
     * Starts every child at once, then waits for each one, and returns their exit codes in the order of the list.
     */
    static List<Integer> startAllThenWait(List<ProcessBuilder> children) throws Exception {
        List<Process> started = new ArrayList<>();
        for (ProcessBuilder child : children) {
            started.add(child.start());
        }
        List<Integer> codes = new ArrayList<>();
        for (Process process : started) {
            codes.add(process.waitFor());
        }
        return codes;
    }

    /** A child's work: two seconds of waiting (say, for a slow service), then an exit code that says who it was. */
    static void runChild(int number) throws InterruptedException {
        Thread.sleep(2000);
        System.exit(number * 10);
    }
}
