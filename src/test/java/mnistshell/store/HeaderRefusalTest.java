package mnistshell.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * session.json's values are checked against their types and ranges before any is used: each edit
 * below, made to a good file's session.json, is refused in one line naming the file, the entry and
 * the field, and saying what was expected; the session stays as it was. The fixture's data has 300
 * images, 250 of them for training.
 */
class HeaderRefusalTest extends RefusalFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    static Arguments edit(String field, String expected, Consumer<ObjectNode> change) {
        return Arguments.of(field, expected, change);
    }

    static ObjectNode at(ObjectNode root, String path) {
        ObjectNode node = root;
        for (String part : path.split("\\.")) {
            node = (ObjectNode) node.get(part);
        }
        return node;
    }

    static Stream<Arguments> edits() {
        return Stream.of(
            edit("version", "expected the integer 1 to 2, found 1.0", j -> j.put("version", 1.0)),
            edit("version", "expected the integer 1 to 2, found \"1\"", j -> j.put("version", "1")),
            edit("version", "expected the integer 1 to 2, found true", j -> j.put("version", true)),
            edit("version", "expected the integer 1 to 2, found nothing", j -> j.remove("version")),
            edit("format", "expected \"mnist-shell-session\", found null", j -> j.putNull("format")),
            edit("training.updates", "expected an integer from -2147483648 to 2147483647, found null",
                    j -> at(j, "training").putNull("updates")),
            edit("training.updates", "expected an integer from -2147483648 to 2147483647, found \"3\"",
                    j -> at(j, "training").put("updates", "3")),
            edit("training.updates", "expected an integer from -2147483648 to 2147483647, found 3.5",
                    j -> at(j, "training").put("updates", 3.5)),
            edit("training.updates", "expected 0 to 2147483647, found -1", j -> at(j, "training").put("updates", -1)),
            edit("training.epoch", "expected 0 to 3 (each epoch takes an update), found 4",
                    j -> at(j, "training").put("epoch", 4)),
            edit("training.batchPosition", "expected 0 to 2147483647, found -5",
                    j -> at(j, "training").put("batchPosition", -5)),
            edit("training.batchPosition", "expected 0 to 249 (within the 250 training images loaded), found 250",
                    j -> at(j, "training").put("batchPosition", 250)),
            edit("training.batchPosition", "out of range of int", j -> at(j, "training").put("batchPosition", 3_000_000_000L)),
            edit("training.batchSeed", "expected an integer from -9223372036854775808 to 9223372036854775807, found 1.0E30",
                    j -> at(j, "training").put("batchSeed", 1e30)),
            edit("training.optimizerUpdates", "expected 0 to 3 (the updates made), found 7",
                    j -> at(j, "training").put("optimizerUpdates", 7)),
            edit("training.optimizer", "expected 'adam', as the settings say, found 'gd'",
                    j -> at(j, "training").put("optimizer", "gd")),
            edit("network.seed", "expected an integer from -9223372036854775808 to 9223372036854775807, found null",
                    j -> at(j, "network").putNull("seed")),
            edit("network.sizes[1]", "expected 1 to 1048576, found 0",
                    j -> ((ArrayNode) at(j, "network").get("sizes")).set(1, 0)),
            edit("network.slope", "expected a value, found null or nothing", j -> at(j, "network").putNull("slope")),
            edit("settings.lr", "must be a number greater than 0, found '-1'", j -> at(j, "settings").put("lr", "-1")),
            edit("settings.threads", "must be an integer from 1 to 256, found '0'",
                    j -> at(j, "settings").put("threads", "0")),
            edit("settings.lr", "expected a value, found null or nothing", j -> at(j, "settings").putNull("lr")),
            edit("settings.speed", "unknown setting 'speed'", j -> at(j, "settings").put("speed", "11")),
            edit("changes[1].value", "must be 'full' or a size from 1 to 2147483647, found '0'",
                    j -> ((ObjectNode) j.get("changes").get(1)).put("value", "0")),
            edit("changes[0].key", "expected one of lr, optimizer", j -> ((ObjectNode) j.get("changes").get(0)).put("key", "speed")),
            edit("changes[1].update", "expected 0 to 3 (in order, up to the updates made), found 9",
                    j -> ((ObjectNode) j.get("changes").get(1)).put("update", 9)),
            edit("history.update[1]", "expected 2 to 3 (rising, up to the updates made), found 1",
                    j -> ((ArrayNode) at(j, "history").get("update")).set(1, 1)),
            edit("history.loss[2]", "expected a number, found null",
                    j -> ((ArrayNode) at(j, "history").get("loss")).setNull(2)),
            edit("history.trainAccuracy[0]", "expected a share from 0 to 1, found 1.5",
                    j -> ((ArrayNode) at(j, "history").get("trainAccuracy")).set(0, 1.5)),
            edit("layers.update[1]", "expected 2 to 3 (rising, up to the updates made), found 1",
                    j -> ((ArrayNode) at(j, "layers").get("update")).set(1, 1)),
            edit("layers.inactive[0][0]", "expected a share from 0 to 1, found 1.5",
                    j -> ((ArrayNode) at(j, "layers").get("inactive").get(0)).set(0, 1.5)),
            edit("layers.std[2][0]", "expected a finite number of 0 or more, or null, found -1.0",
                    j -> ((ArrayNode) at(j, "layers").get("std").get(2)).set(0, -1.0)),
            edit("layers.gradient[1]'s length", "expected 4 (a value per tensor), found 3",
                    j -> ((ArrayNode) at(j, "layers").get("gradient").get(1)).remove(0)),
            edit("layers.mean", "expected 3 rows (as layers.update), found 2",
                    j -> ((ArrayNode) at(j, "layers").get("mean")).remove(0)),
            edit("history", "expected columns of one length", j -> ((ArrayNode) at(j, "history").get("epoch")).add(3)),
            edit("data.split.testIndices", "expected distinct indices from 0 to 299 (data.images less one), found 300",
                    j -> ((ArrayNode) at(j, "data.split").get("testIndices")).set(0, 300)),
            edit("data.split.testIndices", "found -1", j -> ((ArrayNode) at(j, "data.split").get("testIndices")).set(0, -1)),
            edit("data.split.testIndices", "twice", j -> {
                ArrayNode test = (ArrayNode) at(j, "data.split").get("testIndices");
                test.set(1, test.get(0).intValue());
            }),
            edit("data.split.train", "expected 250 (the images less the test images), found 251",
                    j -> at(j, "data.split").put("train", 251)),
            edit("data.sha256", "expected 64 hexadecimal digits, found 'abc'", j -> at(j, "data").put("sha256", "abc")),
            edit("data", "expected a value, found null or nothing", j -> j.putNull("data")),
            edit("summary.updates", "expected 3 (training.updates), found 2", j -> at(j, "summary").put("updates", 2)),
            edit("commands[0]", "expected a value, found null or nothing", j -> ((ArrayNode) j.get("commands")).setNull(0)),
            edit("arrays", "expected W1, b1, W2, b2, opt_m_W1", j -> ((ArrayNode) j.get("arrays")).remove(0)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("edits")
    void refused(String field, String expected, Consumer<ObjectNode> change) throws IOException {
        String m = refused("edited.npz", e -> {
            try {
                ObjectNode json = (ObjectNode) JSON.readTree(e.get("session.json"));
                change.accept(json);
                e.put("session.json", JSON.writeValueAsBytes(json));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        assertNames(m, dir.resolve("edited.npz"), "session.json: " + field, expected);
    }
}
