package io.bpf4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How a C type is held in Java: what {@link TypeMapper} makes of a BTF type and what
 * {@link FieldAccess} reads and writes. Sizes are the C sizes in bytes.
 */
sealed interface JavaType {
    /** The Java type of a value. */
    TypeName typeName();

    /** {@code sizeof} the C type. */
    int size();

    /** Whether the value is a reference that must not be null (everything but a primitive). */
    default boolean isReference() {
        return !typeName().isPrimitive();
    }

    /** What a reader of the Javadoc must know about the Java value beyond its C type, or null. */
    String note();

    /** A C scalar: an integer, {@code bool}, enum, pointer or floating-point number. */
    record Scalar(ScalarKind kind) implements JavaType {
        @Override
        public TypeName typeName() {
            return kind.type();
        }

        @Override
        public int size() {
            return kind.size();
        }

        @Override
        public String note() {
            return kind.note();
        }
    }

    /** {@code char[length]}, as the text up to its first NUL. */
    record Text(int length) implements JavaType {
        @Override
        public TypeName typeName() {
            return ClassName.get(String.class);
        }

        @Override
        public int size() {
            return length;
        }

        @Override
        public String note() {
            return "text up to the first NUL, at most " + (length - 1) + " UTF-8 bytes";
        }
    }

    /** An array of scalars, as a Java primitive array of exactly {@code length} elements. */
    record PrimitiveArray(ScalarKind element, int length) implements JavaType {
        @Override
        public TypeName typeName() {
            return ArrayTypeName.of(element.type());
        }

        @Override
        public int size() {
            return element.size() * length;
        }

        @Override
        public String note() {
            String each = element.note();
            return "exactly " + length + " elements" + (each == null ? "" : "; " + each);
        }
    }

    /** A struct, as its generated record. */
    record Struct(RecordModel record) implements JavaType {
        @Override
        public TypeName typeName() {
            return record.className();
        }

        @Override
        public int size() {
            return record.size();
        }

        @Override
        public String note() {
            return null;
        }
    }

    /** An array of structs, as an unmodifiable list of exactly {@code length} records. */
    record StructArray(RecordModel element, int length) implements JavaType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get(List.class), element.className());
        }

        @Override
        public int size() {
            return element.size() * length;
        }

        @Override
        public String note() {
            return "exactly " + length + " elements";
        }
    }
}
