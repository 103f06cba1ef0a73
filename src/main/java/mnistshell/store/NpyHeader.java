package mnistshell.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mnistshell.errors.ShellError;

/**
 * The dict of a {@code .npy} header, parsed as the Python literal numpy writes and reads back with
 * {@code ast.literal_eval}: {@code {'descr': '<f8', 'fortran_order': False, 'shape': (10, 784), }},
 * then padding spaces and a newline. Exactly those three keys, each once; anything else is refused.
 */
record NpyHeader(String descr, boolean fortranOrder, List<Long> shape) {

    static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

    /** Parses {@code text}; {@code where} names the file and entry in a refusal. */
    static NpyHeader parse(String text, String where) {
        Map<String, Object> dict = new Parser(text, where).dict();
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw bad(where, "the .npy header lacks '" + key + "': expected 'descr', 'fortran_order' and 'shape'");
            }
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw bad(where, "the .npy header's 'descr' is not a string");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw bad(where, "the .npy header's 'fortran_order' is not True or False");
        }
        if (!(dict.get("shape") instanceof List<?> shape)) {
            throw bad(where, "the .npy header's 'shape' is not a tuple of sizes");
        }
        return new NpyHeader(descr, fortran, shape.stream().map(Long.class::cast).toList());
    }

    private static ShellError bad(String where, String message) {
        return new ShellError(where + ": " + message);
    }

    /** A recursive-descent reader of just the literals a header holds: strings, True, False, tuples of ints. */
    private static final class Parser {
        private final String s;
        private final String where;
        private int at;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        Map<String, Object> dict() {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                if (!KEYS.contains(key)) {
                    throw bad(where, "the .npy header has an unknown key '" + Npy.printable(key)
                            + "': expected only 'descr', 'fortran_order' and 'shape'");
                }
                expect(':');
                if (dict.put(key, value()) != null) {
                    throw bad(where, "the .npy header repeats '" + key + "': expected each key once");
                }
                if (peek() != '}') {
                    expect(',');
                }
            }
            expect('}');
            if (!s.substring(at).isBlank()) {
                throw malformed("nothing but padding after the dict");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            for (String word : List.of("True", "False")) {
                if (s.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("True");
                }
            }
            throw malformed("a string, True, False or a tuple");
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw malformed("a quoted key");
            }
            int end = s.indexOf(quote, at + 1);
            if (end < 0 || s.substring(at + 1, end).contains("\\")) {
                throw malformed("a string without escapes, closed by " + quote);
            }
            String text = s.substring(at + 1, end);
            at = end + 1;
            return text;
        }

        private List<Long> tuple() {
            List<Long> sizes = new ArrayList<>();
            boolean comma = false;
            expect('(');
            while (peek() != ')') {
                int from = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                if (at == from || at - from > 18) {
                    throw malformed("a size of up to 18 digits");
                }
                sizes.add(Long.parseLong(s.substring(from, at)));
                if (at < s.length() && s.charAt(at) == 'L') {
                    at++; // Python 2's long, as old numpy wrote it
                }
                comma = peek() == ',';
                if (comma) {
                    at++;
                } else if (peek() != ')') {
                    throw malformed("',' or ')'");
                }
            }
            expect(')');
            if (sizes.size() == 1 && !comma) {
                throw malformed("a tuple: one size needs a trailing comma, as in (10,)");
            }
            return sizes;
        }

        private char peek() {
            while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
                at++;
            }
            return at < s.length() ? s.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw malformed("'" + c + "'");
            }
            at++;
        }

        private ShellError malformed(String expected) {
            String found = at < s.length() ? s.substring(at, Math.min(s.length(), at + 20)).stripTrailing() : "the end";
            return bad(where, "malformed .npy header at character " + at + ": expected " + expected + ", found '"
                    + Npy.printable(found) + "'");
        }
    }
}
