package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import mnistshell.inspect.LayerActivity;
import mnistshell.nn.Activation;
import org.junit.jupiter.api.Test;

/** The dead-unit line of {@code activations} stays within 80 columns however many units died. */
class ActivationsDeadLineTest {

    @Test
    void manyDeadLeakyUnitsFitEightyColumns() {
        for (int dead : new int[] {1, 9, 10, 38, 100, 4000}) {
            int units = dead + 2;
            int[] active = new int[units];
            active[0] = 5;
            active[1] = 5;
            LayerActivity layer = new LayerActivity(1, 5, active, new int[units], new double[units]);
            for (Activation act : new Activation[] {Activation.LeakyRelu.SEED, new Activation.LeakyRelu(0.001),
                new Activation.Relu()}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ActivationsCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), layer, act);
                String line = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("  dead"))
                        .findFirst().orElseThrow();
                assertTrue(line.length() <= 80, line.length() + ": " + line);
                assertTrue(line.contains(dead + (dead == 1 ? " unit" : " units")), line);
            }
        }
    }

    @Test
    void whenEvenAnEllipsisHasNoRoomTheCountStandsAlone() {
        assertEquals("38 units", ActivationsCommand.units(java.util.stream.IntStream.range(0, 38).boxed().toList(), 12));
        assertEquals("38 units: ...", ActivationsCommand.units(java.util.stream.IntStream.range(0, 38).boxed().toList(), 13));
    }
}
