package mnistshell.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the README promises of the writer's permissions: a new file is rw-r--r--, a replaced one keeps its own. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsSharedReadOnlyAndAReplacedOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("fresh.txt");
        AtomicFile.write(fresh, out -> out.write('a'));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path kept = Files.writeString(dir.resolve("kept.txt"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
        AtomicFile.write(kept, out -> out.write('b'));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertEquals("b", Files.readString(kept));
    }
}
