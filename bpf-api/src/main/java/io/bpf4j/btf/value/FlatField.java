package io.bpf4j.btf.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One leaf of a flattened struct ({@link StructValue#flatten()}): its dotted name, such as
 * {@code key.saddr}, and its value.
 *
 * @param name the C member names from the outermost struct down, joined by {@code .}; an
 *     anonymous member adds no name (unescaped: the object's text)
 * @param value an array, text, enum or scalar: never a struct or union
 */
public record FlatField(String name, BtfValue value) {
    /** Checks the parts are present. */
    public FlatField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The names {@link StructValue#flatten()} gives every value of {@code type}, in the same order. */
    public static List<String> names(ValueType.Composite type) {
        List<String> names = new ArrayList<>();
        names("", type, names);
        return names;
    }

    private static void names(String prefix, ValueType.Composite type, List<String> names) {
        for (ValueType.Field field : type.fields()) {
            String name = prefix + field.name();
            if (field.type() instanceof ValueType.Composite inner) {
                names(field.anonymous() ? prefix : name + ".", inner, names);
            } else {
                names.add(name);
            }
        }
    }
}
