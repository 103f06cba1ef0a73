package mnistshell.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;

/**
 * Completers that know where they are: values read when TAB is pressed (the live network's tensor
 * names, the sets that exist now), values that depend on the word before (an option's value, a
 * setting's), and file paths. Every candidate is ungrouped, so JLine lists them without headings.
 */
public final class Completions {

    private Completions() {
    }

    /** The words {@code source} gives at the moment TAB is pressed. */
    public static Completer words(Supplier<? extends Collection<String>> source) {
        return (reader, line, candidates) -> source.get().forEach(w -> candidates.add(candidate(w, true)));
    }

    /** Fixed words. */
    public static Completer words(String... words) {
        List<String> all = List.of(words);
        return words(() -> all);
    }

    /** A prefix that is not a whole word yet, like {@code drawn:}: no space after it. */
    public static Candidate partial(String prefix) {
        return candidate(prefix, false);
    }

    /**
     * After one of {@code options}' keys, that option's values; elsewhere {@code otherwise} (which
     * offers the options themselves, say).
     */
    public static Completer afterOption(Map<String, Completer> options, Completer otherwise) {
        return (reader, line, candidates) -> {
            int at = line.wordIndex();
            Completer c = at > 0 ? options.get(line.words().get(at - 1)) : null;
            (c != null ? c : otherwise).complete(reader, line, candidates);
        };
    }

    /** A completer chosen by the word at {@code index} (e.g. a setting's values by its key); none if null. */
    public static Completer byWord(int index, Function<String, Completer> choose) {
        return (reader, line, candidates) -> {
            if (line.words().size() > index) {
                Completer c = choose.apply(line.words().get(index));
                if (c != null) {
                    c.complete(reader, line, candidates);
                }
            }
        };
    }

    /** Several completers' candidates together. */
    public static Completer all(Completer... parts) {
        return (reader, line, candidates) -> {
            for (Completer c : parts) {
                c.complete(reader, line, candidates);
            }
        };
    }

    /**
     * Paths under the directory typed so far: directories (ending in '/', to go on into) and the
     * files whose name ends in one of {@code endings} (any file when none are given).
     */
    public static Completer paths(String... endings) {
        return (reader, line, candidates) -> {
            String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
            int slash = typed.lastIndexOf('/');
            String prefix = slash < 0 ? "" : typed.substring(0, slash + 1);
            Path dir = Path.of(prefix.isEmpty() ? "." : prefix);
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p)) {
                        candidates.add(candidate(prefix + name + "/", false));
                    } else if (endings.length == 0 || List.of(endings).stream().anyMatch(name::endsWith)) {
                        candidates.add(candidate(prefix + name, true));
                    }
                }
            } catch (IOException | SecurityException e) {
                // an unreadable directory offers nothing: TAB is no place for an error
            }
        };
    }

    private static Candidate candidate(String value, boolean complete) {
        return new Candidate(value, value, null, null, null, null, complete);
    }
}
