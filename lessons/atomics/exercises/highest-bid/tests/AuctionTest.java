import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuctionTest {

    @Test
    void onlyAHigherBidWins() {
        Auction auction = new Auction();
        assertEquals(0, auction.highest(), "no bid yet");
        assertTrue(auction.bid(10), "the first bid wins");
        assertFalse(auction.bid(5), "a lower bid loses");
        assertFalse(auction.bid(10), "an equal bid loses: it is not higher");
        assertTrue(auction.bid(11), "a higher bid wins");
        assertEquals(11, auction.highest());
    }

    /**
     * Four bidders bid at once, taking their amounts from one shared ticket counter, so that nearly every bid is
     * higher than all before it and the bidders keep overtaking each other. After each bid, the bidder checks what
     * must hold from then on: the highest bid is at least its own amount, and at least every bid that had already
     * won. A winner overwritten by a lower bid breaks one of the two.
     */
    @Test
    void fourBiddersNeverLowerTheHighestBid() throws InterruptedException {
        Auction auction = new Auction();
        AtomicLong ticket = new AtomicLong();
        AtomicLong highestWinSoFar = new AtomicLong();      // the highest bid that had returned true
        AtomicLong belowAWinner = new AtomicLong();
        AtomicLong belowOwnBid = new AtomicLong();
        Thread[] threads = new Thread[4];
        CyclicBarrier start = new CyclicBarrier(threads.length);
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                await(start);
                long belowWinner = 0;
                long belowOwn = 0;
                for (int n = 0; n < 200_000; n++) {
                    long amount = ticket.incrementAndGet();
                    if (auction.bid(amount)) {
                        highestWinSoFar.accumulateAndGet(amount, Math::max);
                    }
                    long winner = highestWinSoFar.get();
                    long highest = auction.highest();
                    if (highest < winner) {
                        belowWinner++;
                    }
                    if (highest < amount) {
                        belowOwn++;
                    }
                }
                belowAWinner.addAndGet(belowWinner);
                belowOwnBid.addAndGet(belowOwn);
            });
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, belowAWinner.get(), "times the highest bid was lower than a bid that had already won:"
                + " a late write replaced a higher bid with a lower one");
        assertEquals(0, belowOwnBid.get(), "times the highest bid was lower than the bid just made, right after it");
        assertEquals(ticket.get(), auction.highest(), "the highest bid is not the highest bid made");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
