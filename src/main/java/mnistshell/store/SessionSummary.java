package mnistshell.store;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import mnistshell.errors.ShellError;

/**
 * What {@code models} shows of a saved file, read from session.json alone (no arrays): for bare
 * weights, the architecture from the shapes and no update count or accuracy.
 *
 * @param updates      updates made, or -1 when unknown
 * @param testAccuracy when saved, or NaN when unknown
 */
public record SessionSummary(String architecture, int updates, double testAccuracy) {

    public static SessionSummary read(Path file) {
        try (SeekableByteChannel channel = SessionLoader.open(file)) {
            NpzReader npz = new NpzReader(file, channel);
            if (!npz.has(SessionFile.HEADER)) {
                return new SessionSummary("weights only", -1, Double.NaN);
            }
            String where = npz.where(SessionFile.HEADER);
            SessionHeader h = SessionJson.read(npz.bytes(SessionFile.HEADER, SessionLoader.MAX_HEADER_BYTES), where);
            SessionChecks.check(h, where);
            SessionHeader.SummaryPart s = h.summary();
            return new SessionSummary(s.architecture(), s.updates(), s.testAccuracy());
        } catch (IOException e) {
            throw new ShellError(file + ": cannot read: " + e.getMessage());
        }
    }
}
