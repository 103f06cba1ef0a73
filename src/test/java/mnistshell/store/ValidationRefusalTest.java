package mnistshell.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mnistshell.data.Split;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation fields of session.json (the three index sets, the validation history, the marks)
 * are range-checked as the others are; a file saved before they existed still loads.
 */
class ValidationRefusalTest extends RefusalFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The good file, made again with 40 test and 30 validation images: 230 train. */
    @BeforeEach
    void saveWithValidation() throws IOException {
        run("init; set batch full; data split --test 40 --val 30 --seed 4; step 2");
        good = dir.resolve("val.npz");
        run("save " + good);
        entries = NpzFixtures.entries(good);
        run("set lr 0.5; step 1");
    }

    static Arguments edit(String field, String expected, Consumer<ObjectNode> change) {
        return Arguments.of(field, expected, change);
    }

    static ArrayNode array(ObjectNode root, String path, String name) {
        return (ArrayNode) HeaderRefusalTest.at(root, path).get(name);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
            edit("data.split.val", "expected 0 to 259 (fewer than the images less the test images), found 260",
                    j -> HeaderRefusalTest.at(j, "data.split").put("val", 260)),
            edit("data.split.val", "expected a value, found null or nothing",
                    j -> HeaderRefusalTest.at(j, "data.split").putNull("val")),
            edit("data.split.train", "expected 230 (the images less the test and validation images), found 250",
                    j -> HeaderRefusalTest.at(j, "data.split").put("train", 250)),
            edit("data.split.valIndices' length", "expected 30 (data.split.val), found 29",
                    j -> array(j, "data.split", "valIndices").remove(0)),
            edit("data.split.trainIndices", "expected a value, found null or nothing",
                    j -> HeaderRefusalTest.at(j, "data.split").putNull("trainIndices")),
            edit("data.split.valIndices", "expected distinct indices from 0 to 299", j -> array(j, "data.split",
                    "valIndices").set(0, 300)),
            edit("data.split.valIndices[0]", "expected an index in none of the testIndices", j -> array(j, "data.split",
                    "valIndices").set(0, array(j, "data.split", "testIndices").get(3).intValue())),
            edit("data.split.trainIndices[5]", "expected an index in none of the test or validation indices",
                    j -> array(j, "data.split", "trainIndices").set(5, array(j, "data.split", "valIndices").get(1)
                            .intValue())),
            edit("history.valUpdate[1]", "expected 2 (rising, up to the updates made), found 1",
                    j -> array(j, "history", "valUpdate").set(1, 1)),
            edit("history.valAccuracy[0]", "expected a share from 0 to 1, found 1.5",
                    j -> array(j, "history", "valAccuracy").set(0, 1.5)),
            edit("history.valLoss[1]", "expected a loss of 0 or more, found -1.0",
                    j -> array(j, "history", "valLoss").set(1, -1.0)),
            edit("history.valUpdate, valLoss, valAccuracy", "expected columns of one length",
                    j -> array(j, "history", "valLoss").add(1.0)),
            edit("history.valAccuracy", "expected a value, found null or nothing",
                    j -> HeaderRefusalTest.at(j, "history").remove("valAccuracy")),
            edit("history.markText", "expected a value, found null or nothing",
                    j -> HeaderRefusalTest.at(j, "history").putNull("markText")),
            edit("best.update", "expected 1 to 2 (up to the updates made), found 3",
                    j -> HeaderRefusalTest.at(j, "best").put("update", 3)),
            edit("best.optimizer", "expected one of gd, momentum, nesterov, adam, found 'sgd'",
                    j -> HeaderRefusalTest.at(j, "best").put("optimizer", "sgd")),
            edit("best.metric", "expected a share from 0 to 1, found 1.5",
                    j -> HeaderRefusalTest.at(j, "best").put("metric", 1.5)),
            edit("best.sinceBest", "(checks after best.update), found 9",
                    j -> HeaderRefusalTest.at(j, "best").put("sinceBest", 9)),
            edit("best.optimizerUpdates", "(best.update), found 7",
                    j -> HeaderRefusalTest.at(j, "best").put("optimizerUpdates", 7)),
            edit("best.batchPosition", "expected 0 to 2147483647, found -1",
                    j -> HeaderRefusalTest.at(j, "best").put("batchPosition", -1)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("edits")
    void refused(String field, String expected, Consumer<ObjectNode> change) throws IOException {
        String m = refused("edited.npz", json(change));
        assertNames(m, dir.resolve("edited.npz"), "session.json: " + field, expected);
    }

    static Consumer<Map<String, byte[]>> json(Consumer<ObjectNode> change) {
        return e -> {
            try {
                ObjectNode json = (ObjectNode) JSON.readTree(e.get("session.json"));
                change.accept(json);
                e.put("session.json", JSON.writeValueAsBytes(json));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        };
    }

    @Test
    void aFileFromBeforeValidationSetsLoadsAndKeepsTheCurrentSplit() throws IOException {
        Map<String, byte[]> old = new LinkedHashMap<>(entries);
        json(j -> {
            ObjectNode split = HeaderRefusalTest.at(j, "data.split");
            split.remove("val");
            split.remove("valIndices");
            split.remove("trainIndices");
            split.put("train", 260);
            ObjectNode history = HeaderRefusalTest.at(j, "history");
            for (String column : new String[] {"valUpdate", "valLoss", "valAccuracy", "markUpdate", "markText"}) {
                history.remove(column);
            }
            j.remove("best");
            ArrayNode arrays = (ArrayNode) j.get("arrays");
            for (int k = arrays.size() - 1; k >= 0; k--) {
                if (arrays.get(k).textValue().startsWith("best_")) {
                    arrays.remove(k);
                }
            }
        }).accept(old);
        old.keySet().removeIf(name -> name.startsWith("best_"));
        Path file = NpzFixtures.write(dir.resolve("old.npz"), old);
        run("data split --test 40 --seed 4");
        Split before = f.session.split();
        run("load " + file);
        assertEquals(2, f.session.iteration());
        assertArrayEquals(before.train(), f.session.split().train());
        assertEquals(0, f.session.split().val().length);
        assertTrue(f.session.training().history().validations().isEmpty());
        assertEquals(0, f.session.training().best().update(), "no best weights in the file: none");
    }
}
