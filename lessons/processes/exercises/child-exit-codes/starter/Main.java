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
        // TODO start three children ("child", "1" ... "3") with ProcessBuilder, all before waiting for any.

        for (int n = 1; n <= 3; n++) {
            int code = -1; // TODO wait for child n and take its exit code
            System.out.println("child " + n + " exited with " + code);
        }
    }

    /** A child's work: two seconds of waiting (say, for a slow service), then an exit code that says who it was. */
    static void runChild(int number) throws InterruptedException {
        Thread.sleep(2000);
        System.exit(number * 10);
    }
}
