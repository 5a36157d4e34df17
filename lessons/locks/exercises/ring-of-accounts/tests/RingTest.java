import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Main.transfer called by one thread, with the money going up and down the account numbers. */
class RingTest {

    @Test
    void aTransferMovesTheMoneyEitherWay() {
        Account high = new Account(9, "X", 500);
        Account low = new Account(4, "Y", 500);
        Main.transfer(high, low, 40);          // from the higher number to the lower
        assertEquals(460, high.balance(), "the balance of account 9 after it paid 40 to account 4");
        assertEquals(540, low.balance(), "the balance of account 4 after it received 40 from account 9");
        Main.transfer(low, high, 15);          // and back up
        assertEquals(475, high.balance(), "the balance of account 9 after it received 15 from account 4");
        assertEquals(525, low.balance(), "the balance of account 4 after it paid 15 to account 9");
    }
}
