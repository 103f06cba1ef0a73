package mnistshell.panel;

import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;

/**
 * Where panels open: the user's terminal ({@link SystemScreens}), or a virtual one in tests. The
 * shell holds one only when a real terminal is there; without it commands print text instead.
 */
@FunctionalInterface
public interface Screens {

    /** A new, not yet started screen; {@code mouse} asks the terminal to report clicks and drags. */
    TerminalScreen open(boolean mouse) throws IOException;
}
