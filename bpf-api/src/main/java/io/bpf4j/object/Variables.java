package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
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

/**
 * The one mechanism behind reading and writing a data section's variables by name, before load
 * and after: a variable is found in the object's spec, its type read from BTF, and each access
 * checked against that type: integers are range-checked for the C type's size and signedness
 * ({@link Ranges}), {@code bool} takes only booleans, {@code char[N]} text; raw bytes and a
 * {@link Codec} of the variable's exact size take any variable.
 *
 * <p>Only global variables are reachable, as in generated skeletons: static ones are private to
 * the object. Every refusal is an {@link IllegalArgumentException} naming the section, the
 * variable and why (names escaped, since they come from the object).
 */
final class Variables {
    private final DataSectionSpec section;
    private final Btf btf;
    private final Map<String, VariableSpec> byName = new LinkedHashMap<>();

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
        CInteger integer = integer(variable, "read as an integer");
        int at = variable.offset();
        return switch (integer.size) {
            case 1 -> integer.signed ? memory.get(at) : Byte.toUnsignedLong(memory.get(at));
            case 2 -> integer.signed ? memory.getShort(at) : Short.toUnsignedLong(memory.getShort(at));
            case 4 -> integer.signed ? memory.getInt(at) : Integer.toUnsignedLong(memory.getInt(at));
            default -> memory.getLong(at);
        };
    }

    void setLong(ByteBuffer memory, String name, long value) {
        VariableSpec variable = variable(name);
        CInteger integer = integer(variable, "set as an integer");
        String field = where(name);
        int at = variable.offset();
        switch (integer.size) {
            case 1 -> memory.put(at, (byte) Ranges.integer(value, 1, integer.signed, field));
            case 2 -> memory.putShort(at, (short) Ranges.integer(value, 2, integer.signed, field));
            case 4 -> memory.putInt(at, (int) Ranges.integer(value, 4, integer.signed, field));
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

    <T> T get(ByteBuffer memory, String name, Codec<T> codec) {
        VariableSpec variable = sized(variable(name), codec);
        return codec.decode(memory, variable.offset());
    }

    <T> void set(ByteBuffer memory, String name, Codec<T> codec, T value) {
        VariableSpec variable = sized(variable(name), codec);
        codec.encode(Objects.requireNonNull(value, "value"), memory, variable.offset());
    }

    /** A C integer: its size in bytes and signedness. */
    private record CInteger(int size, boolean signed) {}

    private CInteger integer(VariableSpec variable, String use) {
        BtfType type = btf.resolve(variable.typeId());
        if (type instanceof BtfType.Int integer && !integer.isBool() && integer.bitOffset() == 0
                && integer.bits() == integer.size() * 8 && isScalarSize(integer.size())) {
            return new CInteger(integer.size(), integer.signed());
        }
        if (type instanceof BtfType.Enum enumType && isScalarSize(enumType.size())) {
            return new CInteger(enumType.size(), enumType.signed());
        }
        throw wrongType(variable, type, "cannot be " + use + " (it is not a C integer of 1, 2, 4 or 8 bytes)");
    }

    private VariableSpec bool(VariableSpec variable) {
        BtfType type = btf.resolve(variable.typeId());
        if (type instanceof BtfType.Int integer && integer.isBool() && integer.size() == 1) {
            return variable;
        }
        throw wrongType(variable, type, "is not a C bool");
    }

    private VariableSpec text(VariableSpec variable) {
        BtfType type = btf.resolve(variable.typeId());
        if (type instanceof BtfType.Array array && array.length() > 0
                && btf.resolve(array.elementTypeId()) instanceof BtfType.Int element && element.size() == 1
                && (element.isChar() || element.name().equals("char"))) {
            // The processor's rule for text (clang encodes a plain char as a signed INT named "char").
            return variable;
        }
        throw wrongType(variable, type, "is not a char array (text)");
    }

    private VariableSpec sized(VariableSpec variable, Codec<?> codec) {
        Objects.requireNonNull(codec, "codec");
        if (codec.size() != variable.size()) {
            throw new IllegalArgumentException(where(variable.name()) + ": it has " + variable.size()
                    + " bytes, but the codec " + codec.size());
        }
        return variable;
    }

    private static boolean isScalarSize(int size) {
        return size == 1 || size == 2 || size == 4 || size == 8;
    }

    private IllegalArgumentException wrongType(VariableSpec variable, BtfType type, String why) {
        return new IllegalArgumentException(where(variable.name()) + " " + why + ": its type is "
                + Printable.escape(type.describe()) + ", " + variable.size()
                + (variable.size() == 1 ? " byte" : " bytes")
                + "; read or write it with getBytes/setBytes or a codec");
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
