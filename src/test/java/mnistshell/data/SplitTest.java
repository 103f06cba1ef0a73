package mnistshell.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void holdsOutTheRequestedCountAndUsesEveryImageOnce() {
        Split s = Split.shuffled(100, 10, 42);
        assertEquals(10, s.test().length);
        assertEquals(90, s.train().length);
        int[] all = IntStream.concat(Arrays.stream(s.test()), Arrays.stream(s.train())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertArrayEquals(Split.shuffled(100, 10, 42).test(), Split.shuffled(100, 10, 42).test());
        assertFalse(Arrays.equals(Split.shuffled(100, 10, 42).test(), Split.shuffled(100, 10, 43).test()));
    }

    @Test
    void isAShuffleNotTheFirstImages() {
        assertFalse(Arrays.equals(IntStream.range(0, 10).toArray(), Split.shuffled(100, 10, 1).test()));
    }

    @Test
    void sideOfNamesTheSplit() {
        Split s = Split.shuffled(20, 5, 3);
        assertEquals("test", s.sideOf(s.test()[0]));
        assertEquals("train", s.sideOf(s.train()[0]));
    }

    @Test
    void validationImagesAreTheNextOfTheSameShuffleAndTheSetsAreDisjoint() {
        Split three = Split.shuffled(100, 10, 15, 42);
        Split heldOut = Split.shuffled(100, 25, 42); // the same shuffle, its first 25 held out
        assertArrayEquals(Arrays.copyOfRange(heldOut.test(), 0, 10), three.test());
        assertArrayEquals(Arrays.copyOfRange(heldOut.test(), 10, 25), three.val());
        assertArrayEquals(heldOut.train(), three.train());
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(three.test()), Arrays.stream(three.val())),
                Arrays.stream(three.train())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertEquals("val", three.sideOf(three.val()[0]));
    }

    @Test
    void noValidationImagesLeaveTheSplitAsItWas() {
        Split two = Split.shuffled(100, 10, 42);
        Split three = Split.shuffled(100, 10, 0, 42);
        assertArrayEquals(two.test(), three.test());
        assertArrayEquals(two.train(), three.train());
        assertEquals(0, three.val().length);
        assertFalse(three.hasValidation());
    }
}
