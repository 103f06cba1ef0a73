package mnistshell.store;

import java.nio.file.Path;
import mnistshell.shell.ShellFixture;

/**
 * How {@code src/test/resources/mnistshell/store/v1-*.npz} were made, with the code of commit
 * d9edc84 (session format version 1, before networks could be layered): through the shell's own
 * {@code save}, on {@link ShellFixture}'s random data. {@link VersionOneCompatibilityTest} loads
 * them with today's code. Do not run this again to "refresh" them: their point is that they are
 * old.
 */
final class VersionOneFixtures {

    /** What ran before each save: v1-a after {@link #FIRST}, v1-b after {@link #MORE} more updates. */
    static final String SETUP = "init 784-4-10 --seed 3; set optimizer adam; set lr 0.01; set batch 32";
    static final int FIRST = 5;
    static final int MORE = 3;

    private VersionOneFixtures() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        ShellFixture f = new ShellFixture(false);
        f.run(SETUP + "; step " + FIRST + "; save " + dir.resolve("v1-a.npz"));
        f.run("step " + MORE + "; save " + dir.resolve("v1-b.npz"));
        System.out.print(f.out());
        System.err.print(f.err());
    }
}
