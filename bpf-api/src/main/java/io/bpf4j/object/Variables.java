package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.value.BtfCodec;
import io.bpf4j.btf.value.BtfValue;
import io.bpf4j.btf.value.ScalarKind;
import io.bpf4j.btf.value.UnsupportedTypeException;
import io.bpf4j.btf.value.ValueType;
import io.bpf4j.btf.value.ValueTypes;
import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import io.bpf4j.codec.Ranges;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.VariableSpec;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one mechanism behind reading and writing a data section's variables by name, before load
 * and after: a variable is found in the object's spec, its type read from BTF, and each access
 * checked against that type as the shared value rules see it ({@link ValueTypes}, the rules
 * generated skeletons follow): integers are range-checked for the C type's size and signedness
 * ({@link Ranges}), {@code bool} takes only booleans, {@code char[N]} text; raw bytes and a
 * {@link Codec} of the variable's exact size take any variable, and the runtime {@link BtfCodec}
 * reads any variable whose type has a value layout.
 *
 * <p>Only global variables are reachable, as in generated skeletons: static ones are private to
 * the object. Every refusal is an {@link IllegalArgumentException} naming the section, the
 * variable and why (names escaped, since they come from the object).
 */
final class Variables {
    private final DataSectionSpec section;
    private final Btf btf;
    private final Map<String, VariableSpec> byName = new LinkedHashMap<>();
    private final Map<String, ValueType> types = new ConcurrentHashMap<>();
    private final Map<String, BtfCodec<BtfValue>> codecs = new ConcurrentHashMap<>();

    Variables(DataSectionSpec section, Btf btf) {
        this.section = section;
        this.btf = btf;
        for (VariableSpec variable : section.variables()) {
            if (variable.global()) {
                byName.putIfAbsent(variable.name(), variable);
            }
        }
    }

    /** The reachable variables, by offset. */
    Map<String, VariableSpec> variables() {
        return byName;
    }

    /** Variable {@code name}. */
    VariableSpec variable(String name) {
        Objects.requireNonNull(name, "name");
        VariableSpec variable = byName.get(name);
        if (variable == null) {
            throw new IllegalArgumentException(where(name) + ": no such global variable"
                    + (byName.isEmpty() ? " (the section has none)" : "; it has " + names()));
        }
        return variable;
    }

    long getLong(ByteBuffer memory, String name) {
        VariableSpec variable = variable(name);
        ScalarKind integer = integer(variable, "read as an integer");
        int at = variable.offset();
        return switch (integer.size()) {
            case 1 -> integer.signed() ? memory.get(at) : Byte.toUnsignedLong(memory.get(at));
            case 2 -> integer.signed() ? memory.getShort(at) : Short.toUnsignedLong(memory.getShort(at));
            case 4 -> integer.signed() ? memory.getInt(at) : Integer.toUnsignedLong(memory.getInt(at));
            default -> memory.getLong(at);
        };
    }

    void setLong(ByteBuffer memory, String name, long value) {
        VariableSpec variable = variable(name);
        ScalarKind integer = integer(variable, "set as an integer");
        String field = where(name);
        int at = variable.offset();
        switch (integer.size()) {
            case 1 -> memory.put(at, (byte) Ranges.integer(value, 1, integer.signed(), field));
            case 2 -> memory.putShort(at, (short) Ranges.integer(value, 2, integer.signed(), field));
            case 4 -> memory.putInt(at, (int) Ranges.integer(value, 4, integer.signed(), field));
            default -> memory.putLong(at, value); // any long is a C 64-bit integer's bits
        }
    }

    boolean getBoolean(ByteBuffer memory, String name) {
        return memory.get(bool(variable(name)).offset()) != 0;
    }

    void setBoolean(ByteBuffer memory, String name, boolean value) {
        memory.put(bool(variable(name)).offset(), (byte) (value ? 1 : 0));
    }

    String getString(ByteBuffer memory, String name) {
        VariableSpec variable = text(variable(name));
        return Codecs.getString(memory, variable.offset(), variable.size());
    }

    void setString(ByteBuffer memory, String name, String value) {
        VariableSpec variable = text(variable(name));
        Codecs.putString(memory, variable.offset(), variable.size(), Objects.requireNonNull(value, "value"));
    }

    byte[] getBytes(ByteBuffer memory, String name) {
        VariableSpec variable = variable(name);
        byte[] bytes = new byte[variable.size()];
        memory.get(variable.offset(), bytes);
        return bytes;
    }

    void setBytes(ByteBuffer memory, String name, byte[] value) {
        VariableSpec variable = variable(name);
        Objects.requireNonNull(value, "value");
        if (value.length != variable.size()) {
            throw new IllegalArgumentException(where(name) + ": it has " + variable.size() + " bytes, not "
                    + value.length);
        }
        memory.put(variable.offset(), value);
    }

    /** {@code name} decoded by the runtime codec of its BTF type ({@link BtfCodec}). */
    BtfValue get(ByteBuffer memory, String name) {
        VariableSpec variable = variable(name);
        return codec(variable).decode(memory, variable.offset());
    }

    <T> T get(ByteBuffer memory, String name, Codec<T> codec) {
        VariableSpec variable = sized(variable(name), codec);
        return codec.decode(memory, variable.offset());
    }

    <T> void set(ByteBuffer memory, String name, Codec<T> codec, T value) {
        VariableSpec variable = sized(variable(name), codec);
        codec.encode(Objects.requireNonNull(value, "value"), memory, variable.offset());
    }

    /**
     * The integer (or enum) kind of {@code variable}: a C integer of 1, 2, 4 or 8 bytes or an enum
     * of those sizes, as the shared value rules ({@link ValueTypes}) see its type; not a pointer,
     * {@code bool} or 128-bit integer.
     */
    private ScalarKind integer(VariableSpec variable, String use) {
        String why = "cannot be " + use + " (it is not a C integer of 1, 2, 4 or 8 bytes)";
        ValueType type = valueType(variable, why);
        ScalarKind kind = type instanceof ValueType.Scalar scalar ? scalar.kind()
                : type instanceof ValueType.Enumerated enumerated ? enumerated.kind() : null;
        if (kind == null || !kind.isInteger() || kind.isWide() || kind == ScalarKind.POINTER) {
            throw wrongType(variable, why, null);
        }
        return kind;
    }

    private VariableSpec bool(VariableSpec variable) {
        String why = "is not a C bool";
        if (!(valueType(variable, why) instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.BOOL)) {
            throw wrongType(variable, why, null);
        }
        return variable;
    }

    private VariableSpec text(VariableSpec variable) {
        String why = "is not a char array (text)";
        if (!(valueType(variable, why) instanceof ValueType.Text)) {
            throw wrongType(variable, why, null);
        }
        return variable;
    }

    /** The variable's type as a value; one the value rules refuse is not the type {@code why} wanted. */
    private ValueType valueType(VariableSpec variable, String why) {
        try {
            return typeOf(variable);
        } catch (UnsupportedTypeException e) {
            throw wrongType(variable, why, e);
        }
    }

    /**
     * The runtime codec of {@code variable}'s type, made once per variable ({@link BtfCodec}s are
     * immutable and thread-safe).
     */
    private BtfCodec<BtfValue> codec(VariableSpec variable) {
        String use = where(variable.name());
        ValueType type;
        try {
            type = typeOf(variable);
        } catch (UnsupportedTypeException e) {
            throw new IllegalArgumentException(use + " has no value layout (" + Printable.escape(e.getMessage())
                    + "); read or write it with getBytes/setBytes or a codec", e);
        }
        return codecs.computeIfAbsent(variable.name(), name -> BtfCodec.of(type, use));
    }

    /** What {@code variable}'s type is under the shared value rules, worked out once per variable. */
    private ValueType typeOf(VariableSpec variable) {
        return types.computeIfAbsent(variable.name(), name -> ValueTypes.of(btf, variable.typeId()));
    }

    private VariableSpec sized(VariableSpec variable, Codec<?> codec) {
        Objects.requireNonNull(codec, "codec");
        if (codec.size() != variable.size()) {
            throw new IllegalArgumentException(where(variable.name()) + ": it has " + variable.size()
                    + " bytes, but the codec " + codec.size());
        }
        return variable;
    }

    private IllegalArgumentException wrongType(VariableSpec variable, String why, Throwable cause) {
        return new IllegalArgumentException(where(variable.name()) + " " + why + ": its type is "
                + Printable.escape(btf.resolve(variable.typeId()).describe()) + ", " + variable.size()
                + (variable.size() == 1 ? " byte" : " bytes")
                + "; read or write it with getBytes/setBytes or a codec", cause);
    }

    private String where(String name) {
        return "variable '" + Printable.escape(name) + "' of " + Printable.escape(section.name());
    }

    private String names() {
        StringBuilder names = new StringBuilder();
        int shown = 0;
        for (String name : byName.keySet()) {
            if (shown == 16) {
                return names.append(", … (").append(byName.size()).append(" in all)").toString();
            }
            names.append(shown++ == 0 ? "" : ", ").append(Printable.escape(name));
        }
        return names.toString();
    }
}
