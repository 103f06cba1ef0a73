package mnistshell.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files {@link AtomicFile} writes beside a target, named from it and from the writing
 * process: {@code .NAME.PID.RANDOM.tmp}. A process killed mid-write leaves one behind; the next
 * write of the same target removes it. One is stale when the process that wrote it is no longer
 * running, or (a pid may be reused, or belong to another machine sharing the directory) when it is
 * older than {@link #STALE_AFTER}: writes take seconds, never an hour. A live writer's file, such
 * as another shell saving the same target at this moment, is left alone.
 */
final class StaleTemporaries {

    static final Duration STALE_AFTER = Duration.ofHours(1);

    private StaleTemporaries() {
    }

    /** A new, empty temporary file for {@code name} in {@code dir}, made by this process only. */
    static Path create(Path dir, String name) throws IOException {
        return Files.createTempFile(dir, "." + name + "." + ProcessHandle.current().pid() + ".", ".tmp");
    }

    /** Removes the stale temporary files of {@code name} in {@code dir}; one that cannot go stays. */
    static void remove(Path dir, String name) {
        // group 1 is the writer's pid; the name mnist-shell gave before pids were in it has none
        Pattern own = Pattern.compile("\\." + Pattern.quote(name) + "\\.(?:(\\d{1,18})\\.)?\\d+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + glob(name) + ".*.tmp")) {
            for (Path file : files) {
                Matcher m = own.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && stale(file, m.group(1))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a temporary file left over is harmless; the write goes on
        }
    }

    static boolean stale(Path file, String pid) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        if (modified.toInstant().isBefore(Instant.now().minus(STALE_AFTER))) {
            return true;
        }
        return pid != null && ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    }

    private static String glob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
