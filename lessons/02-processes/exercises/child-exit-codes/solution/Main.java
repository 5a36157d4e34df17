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
        List<Process> children = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            children.add(new ProcessBuilder(java, "-cp", classPath, "Main", "child", String.valueOf(n))
                    .inheritIO()
                    .start());
        }
        for (int n = 1; n <= 3; n++) {
            int code = children.get(n - 1).waitFor();
            System.out.println("child " + n + " exited with " + code);
        }
    }

    /** A child's work: keep a CPU busy for about a second, then exit with a code that says who it was. */
    static void runChild(int number) {
        long end = System.nanoTime() + 1_000_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        System.exit(number * 10);
    }
}
