package mnistshell.panel;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import java.io.IOException;
import java.util.function.Function;

/** Opens a screen, runs one panel on it, and always gives the terminal back as it found it. */
final class Panels {

    private Panels() {
    }

    /** Runs the panel {@code make} builds on a new screen, and returns it once the user has left it. */
    static <P extends Panel> P run(Screens screens, boolean mouse, Function<TerminalScreen, P> make) throws IOException {
        TerminalScreen screen = screens.open(mouse);
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            P panel = make.apply(screen);
            panel.run();
            return panel;
        } finally {
            try {
                if (mouse && screen.getTerminal() instanceof ExtendedTerminal t) {
                    t.setMouseCaptureMode(null);
                }
                screen.stopScreen();
            } finally {
                screen.getTerminal().close();
            }
        }
    }
}
