package mnistshell.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.session.Session;

/** Compares the data a session was trained on with the data loaded now, and says how they differ. */
final class DataCheck {

    private DataCheck() {
    }

    static List<String> notes(SessionHeader.DataPart saved, Session current) {
        List<String> notes = new ArrayList<>();
        Dataset now = current.data();
        if (!DataIdentity.sha256(now).equals(saved.sha256())) {
            notes.add("this session was trained on different data: " + describe(saved) + "; loaded now: "
                    + now.source() + ", " + now.size() + " images (sha256 " + DataIdentity.sha256(now).substring(0, 12)
                    + "); accuracies will not match those it was saved with");
        } else if (!Arrays.equals(saved.split().testIndices(), current.split().test())) {
            Split split = current.split();
            notes.add("same data, but another split: it held out " + saved.split().test() + " test images by seed "
                    + saved.split().seed() + "; now " + split.test().length + " by seed " + split.seed()
                    + ": some of today's test images were training images then");
        }
        if (saved.normalized() != now.normalized()) {
            notes.add("it was trained on " + (saved.normalized() ? "pixels scaled to [0, 1]" : "raw 0..255 pixels")
                    + " but the network now sees " + (now.normalized() ? "scaled" : "raw") + " pixels");
        }
        return notes;
    }

    private static String describe(SessionHeader.DataPart d) {
        String sha = d.sha256() == null ? "?" : d.sha256().substring(0, Math.min(12, d.sha256().length()));
        return d.source() + ", " + d.images() + " images (sha256 " + sha + ")";
    }
}
