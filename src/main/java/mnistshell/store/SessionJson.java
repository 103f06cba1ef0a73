package mnistshell.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import mnistshell.shell.ShellError;

/** session.json to and from {@link SessionHeader}, through Jackson; format and version are checked first. */
final class SessionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SessionJson() {
    }

    static byte[] write(SessionHeader header) {
        try {
            return MAPPER.writeValueAsBytes(header);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write session.json: " + e.getMessage(), e);
        }
    }

    /** Parses {@code json}, refusing anything but this format at this version; {@code where} names file and entry. */
    static SessionHeader read(byte[] json, String where) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new ShellError(where + ": expected a JSON object, found " + (tree == null ? "nothing" : tree.getNodeType()));
            }
            String format = tree.path("format").asText("");
            if (!format.equals(SessionFile.FORMAT)) {
                throw new ShellError(where + ": expected format '" + SessionFile.FORMAT + "', found '" + format
                        + "': not a session saved by mnist-shell");
            }
            int version = tree.path("version").asInt(-1);
            if (version != SessionFile.VERSION) {
                throw new ShellError(where + ": expected format version " + SessionFile.VERSION + ", found "
                        + tree.path("version") + (version > SessionFile.VERSION
                        ? ": saved by a newer mnist-shell; update this one" : ": not a version this mnist-shell knows"));
            }
            return MAPPER.treeToValue(tree, SessionHeader.class);
        } catch (JacksonException e) {
            throw new ShellError(where + ": not valid session JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw new ShellError(where + ": cannot read: " + e.getMessage());
        }
    }
}
