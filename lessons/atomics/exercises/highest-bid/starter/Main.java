public class Main {
    public static void main(String[] args) throws InterruptedException {
        Auction auction = new Auction();
        Thread[] bidders = new Thread[4];
        for (int i = 0; i < bidders.length; i++) {
            int bidder = i;
            bidders[i] = new Thread(() -> {
                for (long n = 1; n <= 200_000; n++) {
                    auction.bid(n * 4 + bidder);        // bidder-1 bids 4, 8, 12, ...; bidder-2 bids 5, 9, 13, ...
                }
            }, "bidder-" + (i + 1));
            bidders[i].start();
        }
        for (Thread bidder : bidders) {
            bidder.join();
        }
        System.out.println("Highest bid: " + auction.highest());
    }
}
