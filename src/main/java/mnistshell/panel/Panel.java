package mnistshell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.List;

/**
 * A full-screen panel on a started {@link Screen}: draw, wait for a key, handle it, draw again, until
 * a key says to leave. Tests call {@link #draw()} and {@link #handle} directly, or feed keys to a
 * virtual terminal and call {@link #run()}.
 */
abstract class Panel {

    protected final Screen screen;

    Panel(Screen screen) {
        this.screen = screen;
    }

    /** Handles one key; false means leave the panel. */
    abstract boolean handle(KeyStroke key) throws IOException;

    /** Paints the whole panel for a terminal of {@code size} (the screen is cleared before). */
    abstract void paint(TextGraphics g, TerminalSize size);

    /**
     * Runs until a key says to leave, or the thread is interrupted. Polls, so that a resize redraws
     * even when no key comes.
     */
    void run() throws IOException {
        draw();
        while (!Thread.currentThread().isInterrupted()) {
            KeyStroke key = screen.pollInput();
            if (key == null) {
                if (screen.doResizeIfNecessary() != null) {
                    draw();
                } else {
                    pause();
                }
            } else if (isCtrlC(key) || !handle(key)) {
                return;
            } else {
                draw();
            }
        }
    }

    /** Clears the screen and paints the panel afresh. */
    void draw() throws IOException {
        screen.doResizeIfNecessary();
        screen.clear();
        paint(screen.newTextGraphics(), screen.getTerminalSize());
        screen.refresh();
    }

    static boolean isQuit(KeyStroke key) {
        return key.getKeyType() == KeyType.Escape || isChar(key, 'q');
    }

    static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.getCharacter() == c && !key.isCtrlDown();
    }

    /** With Ctrl-C trapped, it arrives as a key: it leaves the panel, as it stops a command. */
    static boolean isCtrlC(KeyStroke key) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c';
    }

    static void putLines(TextGraphics g, int column, int row, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            g.putString(column, row + i, lines.get(i));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
