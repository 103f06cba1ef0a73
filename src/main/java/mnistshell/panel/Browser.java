package mnistshell.panel;

import mnistshell.session.ImageRef;
import mnistshell.session.Session;

/**
 * Where the digit viewer is: a set (train, test, drawn or unlabelled) and a position in it. Moving never leaves
 * the set except by {@link #toggleSet()} or {@link #jump}; positions wrap around at the ends.
 * Holds no Lanterna state, so its moves are tested on their own.
 */
final class Browser {

    enum Set { TRAIN, TEST, VAL, DRAWN, UNLABELLED }

    private final Session session;
    private Set set;
    private int position;
    private int[] trainPredictions;
    private int[] testPredictions;
    private int[] valPredictions;
    /** Each set's positions sorted by image index, made once per set. */
    private final java.util.Map<Set, int[]> fileOrders = new java.util.EnumMap<>(Set.class);

    Browser(Session session, ImageRef start) {
        this.session = session;
        switch (start.kind()) {
            case DRAWN -> set = Set.DRAWN;
            case UNLABELLED -> set = Set.UNLABELLED;
            case DATA -> jump(start.index());
        }
        if (set != Set.TRAIN && set != Set.TEST && set != Set.VAL) {
            position = start.index();
        }
    }

    ImageRef current() {
        return switch (set) {
            case DRAWN -> ImageRef.drawn(position);
            case UNLABELLED -> ImageRef.unlabelled(position);
            case TRAIN, TEST, VAL -> ImageRef.data(indices()[position]);
        };
    }

    Set set() {
        return set;
    }

    /** The next image of the set in file order (the split holds its images shuffled). */
    void next() {
        position = step(position, 1);
    }

    void previous() {
        position = step(position, -1);
    }

    /** The position {@code by} images away from {@code from} in file order, wrapping at the ends. */
    private int step(int from, int by) {
        if (set == Set.DRAWN || set == Set.UNLABELLED) {
            return Math.floorMod(from + by, size());
        }
        int[] order = fileOrder();
        return order[Math.floorMod(rankOf(from) + by, order.length)];
    }

    private int rankOf(int position) {
        int[] order = fileOrder();
        int rank = 0;
        while (order[rank] != position) {
            rank++;
        }
        return rank;
    }

    /** The set's positions sorted by image index; made once per set. */
    private int[] fileOrder() {
        return fileOrders.computeIfAbsent(set, k -> {
            int[] indices = indices();
            return java.util.stream.IntStream.range(0, indices.length).boxed()
                    .sorted(java.util.Comparator.comparingInt(p -> indices[p])).mapToInt(Integer::intValue).toArray();
        });
    }

    /** Moves to the next ({@code step} 1) or previous (-1) misclassified image of the set; false if there is none. */
    boolean nextWrong(int step) {
        if (set == Set.DRAWN || set == Set.UNLABELLED) {
            return false;
        }
        int[] indices = indices();
        int[] predicted = predictions();
        int[] order = fileOrder();
        int rank = rankOf(position);
        for (int i = 1; i <= indices.length; i++) {
            int p = order[Math.floorMod(rank + step * i, indices.length)];
            if (predicted[p] != session.data().label(indices[p])) {
                position = p;
                return true;
            }
        }
        return false;
    }

    /** Train, test, drawn, unlabelled, and round again to train, passing over sets without images. */
    void toggleSet() {
        Set[] order = Set.values();
        for (int tries = 0; tries < order.length; tries++) {
            set = order[(set.ordinal() + 1) % order.length];
            if (size() > 0) {
                break;
            }
        }
        position = Math.min(position, size() - 1);
    }

    /** Goes to image {@code index} of the loaded data, in whichever set holds it. */
    void jump(int index) {
        set = switch (session.split().sideOf(index)) {
            case "test" -> Set.TEST;
            case "val" -> Set.VAL;
            default -> Set.TRAIN;
        };
        int[] indices = indices();
        for (int p = 0; p < indices.length; p++) {
            if (indices[p] == index) {
                position = p;
                return;
            }
        }
        throw new IllegalArgumentException("image " + index + " is in neither set");
    }

    private int size() {
        return switch (set) {
            case DRAWN -> session.drawn().size();
            case UNLABELLED -> session.unlabelled() == null
                    || session.unlabelled().features() != session.data().features() ? 0 : session.unlabelled().size();
            case TRAIN, TEST, VAL -> indices().length;
        };
    }

    private int[] indices() {
        return set == Set.TEST ? session.split().test() : set == Set.VAL ? session.split().val()
                : session.split().train();
    }

    /** The network's predictions for the current set, in set order; computed once per panel. */
    private int[] predictions() {
        if (set == Set.TEST) {
            if (testPredictions == null) {
                testPredictions = session.evaluateTest().predictions();
            }
            return testPredictions;
        }
        if (set == Set.VAL) {
            if (valPredictions == null) {
                valPredictions = session.evaluateValidation().predictions();
            }
            return valPredictions;
        }
        if (trainPredictions == null) {
            trainPredictions = session.evaluateTrain().predictions();
        }
        return trainPredictions;
    }
}
