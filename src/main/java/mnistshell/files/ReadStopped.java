package mnistshell.files;

/**
 * Ctrl-C while a file was being opened or read. Unchecked, so that it passes through parsers that
 * turn every {@link java.io.IOException} into a message about the file's content; the caller
 * reports it in one line and keeps what it had.
 */
public final class ReadStopped extends RuntimeException {

    public ReadStopped(String message) {
        super(message);
    }
}
