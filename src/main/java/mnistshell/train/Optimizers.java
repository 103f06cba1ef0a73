package mnistshell.train;

import java.util.List;

/** The table of optimizers, in the order {@code set} lists them; the first is the seed's. */
public final class Optimizers {

    public static final List<UpdateRule> ALL = List.of(new GradientDescent(), new Momentum(), new Nesterov(), new Adam());

    private Optimizers() {
    }

    /** Their names, as {@code set optimizer} takes them. */
    public static List<String> names() {
        return ALL.stream().map(UpdateRule::name).toList();
    }

    /** The rule called {@code name}; an unknown name is a programming error, as settings are checked when set. */
    public static UpdateRule named(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("optimizer " + name));
    }
}
