package katajudge.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the judge's own protocol: the {@link ChildConfig} and
 * {@link ProgramConfig} the parent writes for a child JVM, and the
 * {@link Event}s the child sends back.
 *
 * <p>Why not Jackson, which the parent uses for everything else: the child
 * JVM starts once per judging, and Jackson's first use loads some 600 classes,
 * about 0.8 s of CPU on this project's 2-core machine, for three small record
 * types. This codec knows exactly those shapes and nothing more: records (all
 * their components, in order), {@code List}, {@code String}, {@code boolean},
 * {@code int}, {@code long}, {@code double} (boxed or not), enums by name,
 * and the sealed {@link Event} with its name in an {@code "event"} property.
 * It writes what Jackson writes for the same records and reads strictly: an
 * unknown or missing property, a wrong type or trailing text is an error,
 * never a silent default, since a frame that passed the channel's MAC and
 * still does not read is the judge's own fault and must be seen as one.
 */
public final class ProtocolJson {

    /** Deeper nesting than the protocol ever has is not ours: refused, not followed. */
    private static final int MAX_DEPTH = 32;

    private ProtocolJson() {}

    // ------------------------------------------------------------------ writing

    /** The JSON text of a protocol record (an {@link Event} with its type name). */
    public static String write(Record value) {
        StringBuilder out = new StringBuilder(256);
        writeValue(out, value);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(out, s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Double d -> out.append(Double.isFinite(d) ? d.toString() : "null");
            case Enum<?> e -> writeString(out, e.name());
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    writeValue(out, list.get(i));
                }
                out.append(']');
            }
            case Record r -> writeRecord(out, r);
            default -> throw new IllegalArgumentException("not a protocol value: " + value.getClass().getName());
        }
    }

    private static void writeRecord(StringBuilder out, Record r) {
        out.append('{');
        boolean first = true;
        if (r instanceof Event e) {
            out.append("\"event\":");
            writeString(out, Event.nameOf(e.getClass()));
            first = false;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            out.append(first ? "" : ",");
            first = false;
            writeString(out, c.getName());
            out.append(':');
            try {
                writeValue(out, c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        out.append('}');
    }

    /** Control characters and surrogates escaped: the text is one line, and any Java string comes back equal. */
    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ------------------------------------------------------------------ reading

    /** Reads a protocol record of {@code type} ({@code Event.class} reads any event by its name). */
    public static <T> T read(String json, Class<T> type) {
        Parser p = new Parser(json);
        Object tree = p.value(0);
        p.skipSpace();
        if (p.at < json.length()) {
            throw p.error("text after the value");
        }
        return type.cast(bind(tree, type, "$"));
    }

    private static Object bind(Object tree, Type type, String path) {
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (tree == null) {
                return null;
            }
            if (!(tree instanceof List<?> items)) {
                throw mismatch(path, "a list", tree);
            }
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(bind(items.get(i), pt.getActualTypeArguments()[0], path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException(path + ": not a protocol type: " + type);
        }
        if (tree == null) {
            if (c == double.class) {
                return Double.NaN; // how a non-finite double is written
            }
            if (c.isPrimitive()) {
                throw mismatch(path, c.getName(), null);
            }
            return null;
        }
        if (c == String.class) {
            return expect(tree, String.class, path);
        }
        if (c == boolean.class || c == Boolean.class) {
            return expect(tree, Boolean.class, path);
        }
        if (c == int.class || c == Integer.class) {
            long v = expect(tree, Long.class, path);
            if (v != (int) v) {
                throw mismatch(path, "an int", tree);
            }
            return (int) v;
        }
        if (c == long.class || c == Long.class) {
            return expect(tree, Long.class, path);
        }
        if (c == double.class || c == Double.class) {
            return tree instanceof Long l ? (double) l : expect(tree, Double.class, path);
        }
        if (c.isEnum()) {
            String name = expect(tree, String.class, path);
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw mismatch(path, "one of " + List.of(c.getEnumConstants()), tree);
        }
        if (c == Event.class) {
            Map<?, ?> fields = expect(tree, Map.class, path);
            Class<? extends Event> kind = Event.typeNamed(String.valueOf(fields.get("event")));
            if (kind == null) {
                throw mismatch(path, "an event with a known \"event\" name", fields.get("event"));
            }
            return bindRecord(fields, kind, path, "event");
        }
        if (c.isRecord()) {
            return bindRecord(expect(tree, Map.class, path), c, path, null);
        }
        throw new IllegalArgumentException(path + ": not a protocol type: " + c.getName());
    }

    private static Object bindRecord(Map<?, ?> fields, Class<?> type, String path, String typeProperty) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int known = typeProperty == null ? 0 : 1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (!fields.containsKey(c.getName())) {
                throw new IllegalArgumentException(path + ": no \"" + c.getName() + "\" for " + type.getSimpleName());
            }
            known++;
            args[i] = bind(fields.get(c.getName()), c.getGenericType(), path + "." + c.getName());
        }
        if (known != fields.size()) {
            List<Object> unknown = new ArrayList<>(fields.keySet());
            unknown.remove(typeProperty);
            for (RecordComponent c : components) {
                unknown.remove(c.getName());
            }
            throw new IllegalArgumentException(path + ": unknown properties " + unknown + " for "
                    + type.getSimpleName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(path + ": " + type.getSimpleName() + " refused its values: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static <T> T expect(Object tree, Class<T> kind, String path) {
        if (!kind.isInstance(tree)) {
            throw mismatch(path, kind.getSimpleName(), tree);
        }
        return kind.cast(tree);
    }

    private static IllegalArgumentException mismatch(String path, String wanted, Object got) {
        String shown = got == null ? "null" : got.getClass().getSimpleName() + " " + got;
        return new IllegalArgumentException(path + ": expected " + wanted + ", got "
                + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown));
    }

    /** Plain JSON to a tree: Map (in order), List, String, Long, Double, Boolean or null. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            skipSpace();
            if (at >= text.length()) {
                throw error("the text ends where a value should be");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected '" + c + "'");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> fields = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return fields;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("a property name should be here");
                }
                String name = string();
                skipSpace();
                take(':');
                if (fields.put(name, value(depth + 1)) != null || fields.size() > 64) {
                    throw error("property \"" + name + "\" twice, or too many properties");
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    take('}');
                    return fields;
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> items = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return items;
            }
            while (true) {
                items.add(value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    take(']');
                    return items;
                }
            }
        }

        private String string() {
            take('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("a string that never ends");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("a raw control character in a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("a string that never ends");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a short \\u escape");
                        }
                        try {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("a bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            boolean fraction = false;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c >= '0' && c <= '9') {
                    at++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    fraction = true;
                    at++;
                } else {
                    break;
                }
            }
            String n = text.substring(start, at);
            try {
                return fraction ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw error("a bad number " + n);
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected text");
            }
            at += word.length();
            return value;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void take(char c) {
            if (peek() != c) {
                throw error("'" + c + "' should be here");
            }
            at++;
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at offset " + at + ": " + what);
        }
    }
}
