package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    final int[] train = IntStream.range(100, 150).toArray(); // 50 images

    @Test
    void anEpochUsesEveryImageOnceInBatchesWithAShortLastOne() {
        BatchOrder order = new BatchOrder(7);
        int[] seen = new int[0];
        int[] sizes = new int[4];
        for (int k = 0; k < 4; k++) {
            int[] batch = order.next(train, 16);
            sizes[k] = batch.length;
            seen = IntStream.concat(Arrays.stream(seen), Arrays.stream(batch)).toArray();
        }
        assertArrayEquals(new int[] {16, 16, 16, 2}, sizes);
        assertArrayEquals(train, Arrays.stream(seen).sorted().toArray());
        assertEquals(1, order.epoch());
        assertEquals(0, order.position());
    }

    @Test
    void eachEpochIsShuffledAnewAndTheSameInEveryRun() {
        int[] first = new BatchOrder(7).next(train, 50);
        BatchOrder again = new BatchOrder(7);
        assertArrayEquals(first, again.next(train, 50));
        assertFalse(Arrays.equals(first, again.next(train, 50)), "epoch 2 has its own order");
        assertFalse(Arrays.equals(first, train), "shuffled");
    }

    @Test
    void resumingFromEpochAndPositionContinuesTheSameOrder() {
        BatchOrder straight = new BatchOrder(3);
        straight.next(train, 20);
        straight.next(train, 20);
        straight.next(train, 20); // epoch 1, position 10
        BatchOrder resumed = new BatchOrder(3, straight.epoch(), straight.position());
        assertArrayEquals(straight.next(train, 20), resumed.next(train, 20));
    }

    @Test
    void resetUndoesAnAdvanceEvenAcrossAnEpochEnd() {
        BatchOrder order = new BatchOrder(3);
        order.next(train, 40);
        BatchOrder.Mark mark = order.mark();
        int[] expected = order.next(train, 40);
        order.reset(mark);
        assertArrayEquals(expected, order.next(train, 40));
    }

    @Test
    void fullBatchIsEveryImageInSplitOrderAndOneEpochEach() {
        BatchOrder order = new BatchOrder(3);
        assertArrayEquals(train, order.next(train, 0));
        assertEquals(1, order.epoch());
    }
}
