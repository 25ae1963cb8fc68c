package io.bpf4j.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.bpf4j.codec.BitFields;
import io.bpf4j.codec.Codecs;
import io.bpf4j.codec.Ranges;
import java.util.ArrayList;
import java.util.List;

/**
 * The code that reads and writes one value of a {@link JavaType} in a {@link java.nio.ByteBuffer}
 * with absolute gets and puts (buffers are in native order, as the kernel lays data out). Records'
 * codecs, views and data-section accessors all use it, so a type is laid out the same way
 * everywhere.
 */
final class FieldAccess {
    /** The loop index of array reads and writes; callers keep it out of their other names. */
    static final String INDEX = "i";
    /** Dimensions whose loop indexes ({@code i}, {@code i1}, … {@code i7}) {@link #reserveIndexes} reserves. */
    private static final int RESERVED_DIMENSIONS = 8;

    /**
     * Reserves the loop indexes of array reads in {@code locals}, so that no other local takes
     * them and nested loops read {@code i}, {@code i1}, {@code i2}….
     */
    static void reserveIndexes(NameAllocator locals) {
        for (int depth = 0; depth < RESERVED_DIMENSIONS; depth++) {
            String index = indexName(depth);
            locals.newName(index, index);
        }
    }

    private static String indexName(int depth) {
        return depth == 0 ? INDEX : INDEX + depth;
    }

    private FieldAccess() {}

    /**
     * Where a value lies: {@code buffer} at {@code base + constant + Σ stride·index}, where
     * {@code base} is a variable holding an offset (null when there is none) and the indexes are
     * the loop variables of enclosing arrays.
     */
    record Location(CodeBlock buffer, String base, int constant, List<String> indexes) {
        Location(CodeBlock buffer, String base, int constant) {
            this(buffer, base, constant, List.of());
        }

        Location {
            indexes = List.copyOf(indexes);
        }

        /** The byte {@code delta} bytes further on. */
        Location plus(int delta) {
            return new Location(buffer, base, constant + delta, indexes);
        }

        /** The offset expression, e.g. {@code offset + 16}. */
        CodeBlock offset() {
            List<String> terms = new ArrayList<>();
            if (base != null) {
                terms.add(base);
            }
            if (constant != 0 || terms.isEmpty()) {
                terms.add(Integer.toString(constant));
            }
            terms.addAll(indexes);
            if (terms.size() > 1 && terms.get(0).equals("0")) {
                terms.remove(0);
            }
            return CodeBlock.of("$L", String.join(" + ", terms));
        }

        /** The element {@code index} of an array starting here, with elements of {@code stride} bytes. */
        Location element(String index, int stride) {
            List<String> more = new ArrayList<>(indexes);
            more.add(stride == 1 ? index : stride + " * " + index);
            return new Location(buffer, base, constant, more);
        }

        /** The offset of element {@link #INDEX} of an array with elements of {@code stride} bytes. */
        CodeBlock element(int stride) {
            return element(INDEX, stride).offset();
        }
    }

    /**
     * Reads a value. Scalars, bitfields, text, structs and unions read in one expression; arrays
     * need loops, which are added to {@code body} filling a local variable named after
     * {@code name}.
     *
     * @return the expression of the value
     */
    static CodeBlock read(JavaType type, Location at, String name, NameAllocator locals, CodeBlock.Builder body) {
        return read(type, at, name, locals, body, 0);
    }

    private static CodeBlock read(JavaType type, Location at, String name, NameAllocator locals,
            CodeBlock.Builder body, int depth) {
        if (type instanceof JavaType.Scalar scalar) {
            return scalar.kind().read(at.buffer(), at.offset());
        } else if (type instanceof JavaType.Bits bits) {
            return readBits(bits, at);
        } else if (type instanceof JavaType.Text text) {
            return CodeBlock.of("$T.getString($L, $L, $L)", Codecs.class, at.buffer(), at.offset(), text.length());
        } else if (type instanceof JavaType.Struct struct) {
            return CodeBlock.of("$T.CODEC.decode($L, $L)", struct.record().className(), at.buffer(), at.offset());
        }
        String local = locals.newName(name);
        String index = depth < RESERVED_DIMENSIONS ? indexName(depth) : locals.newName(indexName(depth));
        if (type instanceof JavaType.PrimitiveArray array) {
            body.addStatement("$T $N = new $T[$L]", array.typeName(), local, array.element().type(), array.length());
        } else if (type instanceof JavaType.NestedArray array) {
            body.addStatement("$T $N = new $L", array.typeName(), local, newNested(array));
        } else if (type instanceof JavaType.ObjectArray array) {
            body.addStatement("$T $N = new $T<>($L)", array.typeName(), local, ArrayList.class, array.length());
        } else {
            throw new AssertionError(type);
        }
        JavaType element = elementOf(type);
        body.beginControlFlow("for (int $N = 0; $N < $L; $N++)", index, index, lengthOf(type), index);
        CodeBlock value = read(element, at.element(index, element.size()), name + "Element", locals, body, depth + 1);
        if (type instanceof JavaType.ObjectArray) {
            body.addStatement("$N.add($L)", local, value);
        } else {
            body.addStatement("$N[$N] = $L", local, index, value);
        }
        body.endControlFlow();
        return CodeBlock.of("$N", local);
    }

    /** {@code long[2][]}: the outer dimension allocated, the inner arrays filled by the loop. */
    private static CodeBlock newNested(JavaType.NestedArray array) {
        TypeName bottom = array.scalar().type();
        StringBuilder brackets = new StringBuilder("[" + array.length() + "]");
        for (JavaType inner = array.element(); inner instanceof JavaType.NestedArray nested; inner = nested.element()) {
            brackets.append("[]");
        }
        return CodeBlock.of("$T$L[]", bottom, brackets);
    }

    private static CodeBlock readBits(JavaType.Bits bits, Location at) {
        String method = bits.signed() ? "getSigned" : "getUnsigned";
        CodeBlock raw = CodeBlock.of("$T.$L($L, $L, $L, $L)", BitFields.class, method, at.buffer(), at.offset(),
                bits.shift(), bits.bits());
        return switch (bits.kind()) {
            case BOOL -> CodeBlock.of("$L != 0", raw);
            case S8 -> CodeBlock.of("(byte) $L", raw);
            case S16 -> CodeBlock.of("(short) $L", raw);
            case U8, U16, S32 -> CodeBlock.of("(int) $L", raw);
            default -> raw;
        };
    }

    /**
     * Adds the statements writing {@code value} to {@code body}. Arrays and lists must have their
     * C length; records check it in their constructor, data-section setters with
     * {@link #checkLength}. Values narrowed to a C integer are range-checked
     * ({@link ScalarKind#write}, {@link Ranges#bits}).
     *
     * @param field the C name of what is written, for the range checks' messages (from the
     *     object: encoded here)
     */
    static void write(JavaType type, Location at, CodeBlock value, String field, CodeBlock.Builder body) {
        write(type, at, value, SourceText.literal(SourceText.shown(field)), body, 0);
    }

    private static void write(JavaType type, Location at, CodeBlock value, CodeBlock field, CodeBlock.Builder body,
            int depth) {
        if (type instanceof JavaType.Scalar scalar) {
            body.addStatement(scalar.kind().write(at.buffer(), at.offset(), value, field));
        } else if (type instanceof JavaType.Bits bits) {
            CodeBlock raw = bits.kind() == ScalarKind.BOOL
                    ? CodeBlock.of("$L ? 1L : 0L", value)
                    : CodeBlock.of("$T.bits($L, $L, $L, $L)", Ranges.class, value, bits.bits(), bits.signed(), field);
            body.addStatement("$T.put($L, $L, $L, $L, $L)", BitFields.class, at.buffer(), at.offset(), bits.shift(),
                    bits.bits(), raw);
        } else if (type instanceof JavaType.Text text) {
            body.addStatement("$T.putString($L, $L, $L, $L)", Codecs.class, at.buffer(), at.offset(), text.length(), value);
        } else if (type instanceof JavaType.Struct struct) {
            body.addStatement("$T.CODEC.encode($L, $L, $L)", struct.record().className(), value, at.buffer(), at.offset());
        } else {
            // Loop variables i, i1, i2…: the scopes these statements go into have no other locals.
            String index = indexName(depth);
            JavaType element = elementOf(type);
            CodeBlock item = type instanceof JavaType.ObjectArray
                    ? CodeBlock.of("$L.get($N)", value, index)
                    : CodeBlock.of("$L[$N]", value, index);
            body.beginControlFlow("for (int $N = 0; $N < $L; $N++)", index, index, lengthOf(type), index);
            write(element, at.element(index, element.size()), item, field, body, depth + 1);
            body.endControlFlow();
        }
    }

    /** The element type of an array type. */
    static JavaType elementOf(JavaType array) {
        if (array instanceof JavaType.PrimitiveArray primitive) {
            return new JavaType.Scalar(primitive.element());
        } else if (array instanceof JavaType.NestedArray nested) {
            return nested.element();
        } else if (array instanceof JavaType.ObjectArray objects) {
            return objects.element();
        }
        throw new AssertionError(array);
    }

    /** The number of elements of an array type. */
    static int lengthOf(JavaType array) {
        if (array instanceof JavaType.PrimitiveArray primitive) {
            return primitive.length();
        } else if (array instanceof JavaType.NestedArray nested) {
            return nested.length();
        } else if (array instanceof JavaType.ObjectArray objects) {
            return objects.length();
        }
        throw new AssertionError(array);
    }

    /** Whether the type is one of the array types (read and written in loops). */
    static boolean isArray(JavaType type) {
        return type instanceof JavaType.PrimitiveArray || type instanceof JavaType.NestedArray
                || type instanceof JavaType.ObjectArray;
    }

    /**
     * Adds a check that {@code value} (an array or list, named {@code name} in the message) is not
     * null and has exactly the C length, in every dimension; a no-op for types without a length.
     */
    static void checkLength(JavaType type, String name, CodeBlock value, CodeBlock.Builder body) {
        checkLength(type, name, value, body, 0);
    }

    private static void checkLength(JavaType type, String name, CodeBlock value, CodeBlock.Builder body, int depth) {
        if (!isArray(type)) {
            return;
        }
        String size = type instanceof JavaType.ObjectArray ? "size()" : "length";
        int length = lengthOf(type);
        body.beginControlFlow("if ($L.$L != $L)", value, size, length);
        body.addStatement("throw new $T($S + $L.$L)", IllegalArgumentException.class,
                name + " must have " + length + " elements, not ", value, size);
        body.endControlFlow();
        if (type instanceof JavaType.NestedArray nested) {
            // Each inner array is checked too: a short one would fail deep inside encode.
            String row = "row" + depth;
            body.beginControlFlow("for ($T $N : $L)", nested.element().typeName(), row, value);
            checkLength(nested.element(), name + "[…]", CodeBlock.of("$N", row), body, depth + 1);
            body.endControlFlow();
        }
    }
}
