package mnistshell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A started Lanterna screen on a virtual terminal, with keys to feed it and its characters to read back. */
final class VirtualScreen {

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;

    VirtualScreen(int columns, int rows) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    char at(int x, int y) {
        return terminal.getCharacter(x, y).getCharacterString().charAt(0);
    }

    /** Row y as shown, trailing blanks dropped. */
    String row(int y) {
        StringBuilder s = new StringBuilder();
        for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
            s.append(at(x, y));
        }
        return s.toString().stripTrailing();
    }

    /** The first row whose text contains {@code text}, or -1. */
    int rowIndexOf(String text) {
        for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
            if (row(y).contains(text)) {
                return y;
            }
        }
        return -1;
    }

    void type(KeyStroke... keys) {
        for (KeyStroke k : keys) {
            terminal.addInput(k);
        }
    }

    static KeyStroke key(KeyType type) {
        return new KeyStroke(type);
    }

    static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }
}
