package mnistshell.panel;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Screens on the user's terminal, beside JLine. As found in ../shared/TECH-NOTES.md: Lanterna needs
 * its own terminal on System.in/System.out (on JLine's streams it hangs waiting for the size
 * reply), a text terminal forced (no Swing window), and Ctrl-C trapped (the default exits the JVM).
 */
public final class SystemScreens implements Screens {

    private final Runnable beforeOpen;

    /** {@code beforeOpen} flushes the prompt's terminal so its output lands before the panel's. */
    public SystemScreens(Runnable beforeOpen) {
        this.beforeOpen = beforeOpen;
    }

    @Override
    public TerminalScreen open(boolean mouse) throws IOException {
        beforeOpen.run();
        System.out.flush();
        DefaultTerminalFactory factory = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        if (mouse) {
            factory.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE_DRAG);
        }
        return new TerminalScreen(factory.createTerminal());
    }
}
