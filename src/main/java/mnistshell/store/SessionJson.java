package mnistshell.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import mnistshell.errors.ShellError;

/**
 * session.json to and from {@link SessionHeader}, through Jackson; format and version are checked
 * first. Values are taken only as the JSON type their field has: no "5" for 5, no 1.5 or true for
 * an integer, no null for a number.
 */
final class SessionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ShellError(where + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw new ShellError(where + ": cannot read: " + e.getMessage());
        }
        checkFormat(tree, where);
        try {
            return MAPPER.treeToValue(tree, SessionHeader.class);
        } catch (MismatchedInputException e) {
            String path = path(e.getPath());
            Class<?> type = e.getTargetType();
            boolean element = !e.getPath().isEmpty() && e.getPath().get(e.getPath().size() - 1).getIndex() >= 0;
            throw new ShellError(where + ": " + path + ": expected "
                    + expected(element && type != null && type.isArray() ? type.getComponentType() : type) + ", found "
                    + found(tree, e.getPath()));
        } catch (JsonMappingException e) {
            throw new ShellError(where + ": " + path(e.getPath()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(" \\(for .*", ""));
        } catch (JacksonException e) {
            throw new ShellError(where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private static void checkFormat(JsonNode tree, String where) {
        if (tree == null || !tree.isObject()) {
            throw new ShellError(where + ": expected a JSON object, found " + (tree == null ? "nothing" : tree.getNodeType()));
        }
        JsonNode format = tree.path("format");
        if (!format.isTextual() || !format.textValue().equals(SessionFile.FORMAT)) {
            throw new ShellError(where + ": format: expected \"" + SessionFile.FORMAT + "\", found " + brief(format)
                    + ": not a session saved by mnist-shell");
        }
        JsonNode version = tree.path("version");
        if (!version.isInt() || version.intValue() < 1 || version.intValue() > SessionFile.VERSION) {
            boolean newer = version.isIntegralNumber() && version.longValue() > SessionFile.VERSION;
            throw new ShellError(where + ": version: expected the integer 1 to " + SessionFile.VERSION + ", found "
                    + brief(version) + (newer ? ": saved by a newer mnist-shell; update this one"
                    : ": not a version this mnist-shell knows"));
        }
    }

    /** "training.updates" or "history.loss[3]": where in the JSON a value is. */
    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.length() == 0 ? "(the top)" : s.toString();
    }

    private static String found(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : path) {
            node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
        }
        return brief(node);
    }

    /** A JSON value as written, short and printable. */
    static String brief(JsonNode node) {
        return node.isMissingNode() ? "nothing" : Npy.printable(node.toString());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return type.isArray() || List.class.isAssignableFrom(type) ? "a list" : "an object";
    }
}
