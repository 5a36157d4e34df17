public class Main {
    public static void main(String[] args) {
        System.out.println("GO");
        for (int i = 1; i <= 4; i++) {
            System.out.println("runner-" + i + " running");
        }
    }
}
