package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.bpf4j.codec.Codecs;
import java.util.ArrayList;
import java.util.List;

/**
 * The code that reads and writes one value of a {@link JavaType} in a {@link java.nio.ByteBuffer}
 * with absolute gets and puts (buffers are in native order, as the kernel lays data out). Records'
 * codecs and data-section accessors both use it, so a type is laid out the same way everywhere.
 */
final class FieldAccess {
    /** The loop index of array reads and writes; callers keep it out of their other names. */
    static final String INDEX = "i";

    private FieldAccess() {}

    /**
     * Where a value lies: {@code buffer} at {@code base + constant}, where {@code base} is a
     * variable holding an offset (null when the offset is the constant alone).
     */
    record Location(CodeBlock buffer, String base, int constant) {
        /** The byte {@code delta} bytes further on. */
        Location plus(int delta) {
            return new Location(buffer, base, constant + delta);
        }

        /** The offset expression, e.g. {@code offset + 16}. */
        CodeBlock offset() {
            return offset(null, 0);
        }

        /** The offset of element {@link #INDEX} of an array with elements of {@code stride} bytes. */
        CodeBlock element(int stride) {
            return offset(INDEX, stride);
        }

        private CodeBlock offset(String index, int stride) {
            List<String> terms = new ArrayList<>();
            if (base != null) {
                terms.add(base);
            }
            if (constant != 0 || terms.isEmpty()) {
                terms.add(Integer.toString(constant));
            }
            if (index != null) {
                terms.add(stride == 1 ? index : stride + " * " + index);
            }
            if (terms.size() > 1 && terms.get(0).equals("0")) {
                terms.remove(0);
            }
            return CodeBlock.of("$L", String.join(" + ", terms));
        }
    }

    /**
     * Reads a value. Scalars, text and records read in one expression; arrays need a loop, which
     * is added to {@code body} filling a local variable named after {@code name}.
     *
     * @return the expression of the value
     */
    static CodeBlock read(JavaType type, Location at, String name, NameAllocator locals, CodeBlock.Builder body) {
        if (type instanceof JavaType.Scalar scalar) {
            return scalar.kind().read(at.buffer(), at.offset());
        } else if (type instanceof JavaType.Text text) {
            return CodeBlock.of("$T.getString($L, $L, $L)", Codecs.class, at.buffer(), at.offset(), text.length());
        } else if (type instanceof JavaType.Struct struct) {
            return CodeBlock.of("$T.CODEC.decode($L, $L)", struct.record().className(), at.buffer(), at.offset());
        } else if (type instanceof JavaType.PrimitiveArray array) {
            String local = locals.newName(name);
            body.addStatement("$T $N = new $T[$L]", array.typeName(), local, array.element().type(), array.length());
            body.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", INDEX, INDEX, local, INDEX);
            body.addStatement("$N[$N] = $L", local, INDEX,
                    array.element().read(at.buffer(), at.element(array.element().size())));
            body.endControlFlow();
            return CodeBlock.of("$N", local);
        } else if (type instanceof JavaType.StructArray array) {
            String local = locals.newName(name);
            ClassName element = array.element().className();
            body.addStatement("$T $N = new $T<>($L)", array.typeName(), local, ArrayList.class, array.length());
            body.beginControlFlow("for (int $N = 0; $N < $L; $N++)", INDEX, INDEX, array.length(), INDEX);
            body.addStatement("$N.add($T.CODEC.decode($L, $L))", local, element, at.buffer(),
                    at.element(array.element().size()));
            body.endControlFlow();
            return CodeBlock.of("$N", local);
        }
        throw new AssertionError(type);
    }

    /**
     * Adds the statements writing {@code value} to {@code body}. Arrays and lists must have their
     * C length; records check it in their constructor, data-section setters with
     * {@link #checkLength}.
     */
    static void write(JavaType type, Location at, CodeBlock value, CodeBlock.Builder body) {
        if (type instanceof JavaType.Scalar scalar) {
            body.addStatement(scalar.kind().write(at.buffer(), at.offset(), value));
        } else if (type instanceof JavaType.Text text) {
            body.addStatement("$T.putString($L, $L, $L, $L)", Codecs.class, at.buffer(), at.offset(), text.length(), value);
        } else if (type instanceof JavaType.Struct struct) {
            body.addStatement("$T.CODEC.encode($L, $L, $L)", struct.record().className(), value, at.buffer(), at.offset());
        } else if (type instanceof JavaType.PrimitiveArray array) {
            body.beginControlFlow("for (int $N = 0; $N < $L; $N++)", INDEX, INDEX, array.length(), INDEX);
            body.addStatement(array.element().write(at.buffer(), at.element(array.element().size()),
                    CodeBlock.of("$L[$N]", value, INDEX)));
            body.endControlFlow();
        } else if (type instanceof JavaType.StructArray array) {
            body.beginControlFlow("for (int $N = 0; $N < $L; $N++)", INDEX, INDEX, array.length(), INDEX);
            body.addStatement("$T.CODEC.encode($L.get($N), $L, $L)", array.element().className(), value, INDEX,
                    at.buffer(), at.element(array.element().size()));
            body.endControlFlow();
        } else {
            throw new AssertionError(type);
        }
    }

    /**
     * Adds a check that {@code value} (an array or list, named {@code name} in the message) is not
     * null and has exactly the C length; a no-op for types without a length.
     */
    static void checkLength(JavaType type, String name, CodeBlock value, CodeBlock.Builder body) {
        int length;
        String size;
        if (type instanceof JavaType.PrimitiveArray array) {
            length = array.length();
            size = "length";
        } else if (type instanceof JavaType.StructArray array) {
            length = array.length();
            size = "size()";
        } else {
            return;
        }
        body.beginControlFlow("if ($L.$L != $L)", value, size, length);
        body.addStatement("throw new $T($S + $L.$L)", IllegalArgumentException.class,
                name + " must have " + length + " elements, not ", value, size);
        body.endControlFlow();
    }
}
