import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.List;

public class Main {
    static final List<Integer> NUMBERS = List.of(3, 7, 12, 25, 100, 46341);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            runChild();
            return;
        }
        Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "child")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        PrintWriter toChild = new PrintWriter(child.getOutputStream(), true);
        BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream()));

        for (int n : NUMBERS) {
            // TODO send n to the child, then read the child's answer
            String answer = "?";
            System.out.println(n + " squared is " + answer);
        }
        // TODO tell the child that no more numbers will come, then wait for it to end
        int code = -1;
        System.out.println("child exited with " + code);
    }

    /** The child: reads one number per line from stdin and answers each with its square on stdout. */
    static void runChild() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        // TODO read lines until the input ends; answer each number with its square, one line per answer
    }
}
