package mnistshell.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mnistshell.data.Dataset;

/** A dataset's fingerprint: SHA-256 over its image size, labels and pixels, so a session knows what it learnt from. */
public final class DataIdentity {

    private DataIdentity() {
    }

    public static String sha256(Dataset data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(8).putInt(data.rows()).putInt(data.cols()).array());
            digest.update(data.labels());
            digest.update(data.pixels());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
