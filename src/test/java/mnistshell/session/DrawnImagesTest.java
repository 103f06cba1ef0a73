package mnistshell.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.nn.TestData;
import org.junit.jupiter.api.Test;

class DrawnImagesTest {

    final Dataset data = TestData.random(40, 28, 28, 5);
    final Session session = new Session(data, Split.shuffled(40, 10, 1), 1);

    byte[] image(int i) {
        return Arrays.copyOfRange(data.pixels(), i * 784, (i + 1) * 784);
    }

    @Test
    void pixelsArePredictedAsTheSameImageInTheData() {
        assertArrayEquals(session.probabilities(3), session.probabilities(image(3)), 1e-12);
        Session raw = new Session(data.withNormalized(false), Split.shuffled(40, 10, 1), 1);
        assertArrayEquals(raw.probabilities(3), raw.probabilities(image(3)), 1e-12,
                "raw data: drawn pixels are seen raw too");
    }

    @Test
    void keptImagesAreCopiesNumberedInOrderAndNeverTrainedOn() {
        byte[] first = image(0);
        assertEquals(0, session.drawn().add(first));
        assertEquals(1, session.drawn().add(image(1)));
        first[0] = 42;
        assertArrayEquals(image(0), session.drawn().get(0), "kept as it was when added");
        assertEquals(40, session.data().size());
        assertEquals(30, session.split().train().length);
        assertThrows(IllegalArgumentException.class, () -> session.drawn().add(new byte[10]));
    }
}
