/** Prints what the finished demo prints, without asking anybody. */
public class Main {
    public static void main(String[] args) {
        System.out.println(" 0.0 s  all three quotes asked for");
        System.out.println(" 0.2 s  ACME 1234");
        System.out.println(" 1.0 s  GLOBEX 5600 (cached)");
        System.out.println(" 1.0 s  INITECH 870 (cached)");
    }
}
