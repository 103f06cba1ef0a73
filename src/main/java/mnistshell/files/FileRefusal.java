package mnistshell.files;

import java.io.IOException;

/**
 * A file that cannot be read or written as asked. The message is the whole one line the user
 * reads: it names the file and gives the true reason (the operating system's, where it has one).
 */
public final class FileRefusal extends IOException {

    public FileRefusal(String message) {
        super(message);
    }
}
