package mnistshell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mnistshell.nn.BiasGrad;
import mnistshell.errors.ShellError;
import org.junit.jupiter.api.Test;

class SettingsTest {

    final Settings defaults = Settings.defaults();

    @Test
    void defaultsAreTheSeedNotebooks() {
        assertEquals(0.10, defaults.lr());
        assertEquals("gd", defaults.optimizer());
        assertTrue(defaults.fullBatch());
        assertEquals(BiasGrad.EXACT, defaults.biasGrad());
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        ShellError e = assertThrows(ShellError.class, () -> defaults.with("lr", List.of("-0.1")));
        assertTrue(e.getMessage().equals("set lr: must be a number greater than 0, found '-0.1'"), e.getMessage());
        e = assertThrows(ShellError.class, () -> defaults.with("batch", List.of("0")));
        assertTrue(e.getMessage().startsWith("set batch:"), e.getMessage());
        assertThrows(ShellError.class, () -> defaults.with("optimizer", List.of("sgd")));
        assertThrows(ShellError.class, () -> defaults.with("beta2", List.of("1")));
        assertThrows(ShellError.class, () -> defaults.with("bias-grad", List.of("global")));
        assertThrows(ShellError.class, () -> defaults.with("colour", List.of("red")));
        assertThrows(ShellError.class, () -> defaults.with("lr", List.of("NaN")));
    }

    @Test
    void aChangeIsANewValueAndTheOldStaysWhole() {
        Settings s = defaults.with("batch", List.of("64")).with("schedule", List.of("step", "100", "0.5"));
        assertEquals(64, s.batch());
        assertEquals(new Schedule.StepDecay(100, 0.5), s.schedule());
        assertTrue(defaults.fullBatch());
    }
}
