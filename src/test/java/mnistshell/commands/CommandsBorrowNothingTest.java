package mnistshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A command never borrows another command's static helpers or constants: what two commands share
 * belongs to the package that owns its concern (render, inspect, session, shell), so that a command
 * class can change without reaching into another.
 */
class CommandsBorrowNothingTest {

    static final Path DIR = Path.of("src/main/java/mnistshell/commands");

    /** Borrowings allowed for now, each named; none are left. */
    static final Set<String> KNOWN = Set.of();

    static final Pattern USE = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Command)\\.([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void noClassOfCommandsUsesAStaticMemberOfAnotherCommand() throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.sorted().toList()) {
                String own = p.getFileName().toString().replace(".java", "");
                Matcher m = USE.matcher(Files.readString(p));
                while (m.find()) {
                    String other = m.group(1);
                    if (!other.equals(own) && !m.group(2).equals("class") && Files.exists(DIR.resolve(other + ".java"))) {
                        uses.add(p.getFileName() + " uses " + other + "." + m.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), uses.stream().filter(u -> !KNOWN.contains(u)).distinct().toList());
        for (String known : KNOWN) {
            assertTrue(uses.contains(known), "no longer borrowed, so drop it from KNOWN: " + known);
        }
    }

    @Test
    void theCheckSeesABorrowing() {
        // the pattern the test relies on, on the line it was written to catch
        Matcher m = USE.matcher("        TensorTable.of(\"tensor\", WeightsCommand.stats(grads), extra);");
        assertTrue(m.find());
        assertEquals("WeightsCommand", m.group(1));
        assertEquals("stats", m.group(2));
    }
}
