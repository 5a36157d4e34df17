public class Main {
    public static void main(String[] args) {
        long sum = 0;
        for (int i = 1; i <= 1000; i++) {
            sum += i;
        }
        System.out.println("I am " + Thread.currentThread().getName() + ", sum = " + sum);
    }
}
