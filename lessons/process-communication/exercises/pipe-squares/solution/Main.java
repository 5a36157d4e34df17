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
            toChild.println(n);
            String answer = fromChild.readLine();
            System.out.println(n + " squared is " + answer);
        }
        toChild.close();
        int code = child.waitFor();
        System.out.println("child exited with " + code);
    }

    /** The child: reads one number per line from stdin and answers each with its square on stdout. */
    static void runChild() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            long n = Long.parseLong(line.trim());
            System.out.println(n * n);
        }
    }
}
