package mnistshell.render;

/**
 * Text that came from outside (a file's name, a data source, a saved session's architecture, a
 * word typed at the prompt) made safe to print: a control character in it could clear the screen,
 * move the cursor or retitle the terminal, and a newline would forge a line of output. So ESC shows
 * as {@code \e}, newline, return and tab as {@code \n}, {@code \r}, {@code \t}, and every
 * other C0 or C1 control and DEL as {@code \xNN}. Ordinary Unicode is kept as it is.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        if (text.chars().noneMatch(SafeText::needsEscape)) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u001b' -> s.append("\\e");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        s.append(String.format("\\x%02x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }
}
