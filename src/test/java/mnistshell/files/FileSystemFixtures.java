package mnistshell.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real FIFOs and mounts for tests, made with the system's own tools; each says why when it cannot. */
public final class FileSystemFixtures {

    private FileSystemFixtures() {
    }

    /** Makes a FIFO at {@code path}; null when done, else why it could not be made. */
    public static String mkfifo(Path path) {
        return exec("mkfifo", path.toString());
    }

    /** Mounts a tmpfs of {@code options} (e.g. {@code size=128k}) on {@code dir}; null when done, else why not. */
    public static String mountTmpfs(Path dir, String options) {
        return exec("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
    }

    public static void unmount(Path dir) {
        exec("umount", dir.toString());
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String exec(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            String output = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : String.join(" ", command) + " failed: " + output;
        } catch (IOException e) {
            return command[0] + " is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
