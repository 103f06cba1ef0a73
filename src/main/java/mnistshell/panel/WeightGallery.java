package mnistshell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mnistshell.render.SignedBars;
import mnistshell.render.Thumbnails;
import mnistshell.render.WeightImage;
import mnistshell.session.LayerUnits;

/**
 * {@code view weights}: every unit of a layer as a 14x14 thumbnail of its incoming weights, in pages
 * when they don't fit. Arrow keys select a unit; Enter shows it large, with its outgoing weights to
 * the next layer. Positive weights are drawn red, negative blue (the characters differ too).
 */
public final class WeightGallery extends Panel {

    static final int FULL_ROWS = 30;
    static final String KEYS = "arrows select  PgUp/PgDn page  Enter enlarge  q back";
    static final String DETAIL_KEYS = "<-/-> unit  Enter or q back to the gallery";

    private final LayerUnits units;
    private int selected;
    private boolean enlarged;
    private int perPage = 1;
    private int perRow = 1;

    WeightGallery(Screen screen, LayerUnits units) {
        super(screen);
        this.units = units;
    }

    public static void open(Screens screens, LayerUnits units) throws IOException {
        Panels.run(screens, false, screen -> new WeightGallery(screen, units));
    }

    int selected() {
        return selected;
    }

    boolean enlarged() {
        return enlarged;
    }

    /** The captions of the gallery: the unit number, the selected one in brackets. */
    static List<String> captions(int from, int to, int selected) {
        List<String> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            out.add(k == selected ? "[unit " + k + "]" : "unit " + k);
        }
        return out;
    }

    @Override
    boolean handle(KeyStroke key) {
        if (enlarged) {
            return handleEnlarged(key);
        }
        if (isQuit(key)) {
            return false;
        }
        switch (key.getKeyType()) {
            case ArrowRight -> select(selected + 1);
            case ArrowLeft -> select(selected - 1);
            case ArrowDown -> select(selected + perRow);
            case ArrowUp -> select(selected - perRow);
            case PageDown -> select(selected + perPage);
            case PageUp -> select(selected - perPage);
            case Enter -> enlarged = true;
            default -> { }
        }
        return true;
    }

    private boolean handleEnlarged(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowRight -> select(selected + 1);
            case ArrowLeft -> select(selected - 1);
            case Enter, Escape, Backspace -> enlarged = false;
            default -> enlarged = !isChar(key, 'q');
        }
        return true;
    }

    private void select(int unit) {
        selected = Math.max(0, Math.min(units.units() - 1, unit));
    }

    @Override
    void paint(TextGraphics g, TerminalSize size) {
        if (enlarged) {
            paintUnit(g, size);
        } else {
            paintGallery(g, size);
        }
    }

    private void paintGallery(TextGraphics g, TerminalSize size) {
        List<String> first = thumbnail(0);
        perRow = Thumbnails.perRow(size.getColumns(), first.get(0).length());
        perPage = perRow * Math.max(1, (size.getRows() - 2) / (first.size() + 2));
        int from = selected / perPage * perPage;
        int to = Math.min(units.units(), from + perPage);
        int pages = (units.units() + perPage - 1) / perPage;
        g.putString(0, 0, String.format("layer %d: %d units, incoming weights (+ positive, - negative)  page %d/%d",
                units.layer(), units.units(), from / perPage + 1, pages));
        List<List<String>> pictures = new ArrayList<>();
        for (int k = from; k < to; k++) {
            pictures.add(thumbnail(k));
        }
        putWeights(g, 0, 1, Thumbnails.grid(pictures, captions(from, to, selected), perRow));
        g.putString(0, size.getRows() - 1, KEYS);
    }

    private void paintUnit(TextGraphics g, TerminalSize size) {
        int maxRows = size.getRows() < FULL_ROWS ? WeightImage.THUMBNAIL_ROWS : FULL_ROWS - 2;
        List<String> picture = WeightImage.fitted(units.incoming()[selected], units.rows(), units.cols(), maxRows);
        g.putString(0, 0, String.format("layer %d, unit %d of %d: incoming weights (+ positive, - negative)",
                units.layer(), selected, units.units()));
        putWeights(g, 0, 1, picture);
        int x = picture.get(0).length() + 3;
        if (units.outgoing() == null) {
            g.putString(x, 1, "an output unit: no outgoing weights");
        } else {
            g.putString(x, 1, "outgoing weights to layer " + (units.layer() + 1) + ":");
            int half = Math.max(2, Math.min(12, (size.getColumns() - x - 14) / 2));
            putLines(g, x, 2, SignedBars.lines(units.outgoing()[selected], half));
        }
        g.putString(0, size.getRows() - 1, DETAIL_KEYS);
    }

    private List<String> thumbnail(int unit) {
        return WeightImage.fitted(units.incoming()[unit], units.rows(), units.cols(), WeightImage.THUMBNAIL_ROWS);
    }

    /** Lines of weight pictures, each character coloured by the sign it shows. */
    static void putWeights(TextGraphics g, int column, int row, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                boolean weight = c != ' ' && !Character.isLetterOrDigit(c) && c != '[' && c != ']';
                g.setForegroundColor(!weight ? TextColor.ANSI.DEFAULT
                        : WeightImage.isNegative(c) ? TextColor.ANSI.BLUE_BRIGHT : TextColor.ANSI.RED_BRIGHT);
                g.setCharacter(column + j, row + i, c);
            }
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }
}
