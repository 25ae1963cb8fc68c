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

    /** {@code sizeof} the C type; for a bitfield, the bytes its bits touch. */
    int size();

    /** Whether the value is a reference that must not be null (everything but a primitive). */
    default boolean isReference() {
        return !typeName().isPrimitive();
    }

    /** What a reader of the Javadoc must know about the Java value beyond its C type, or null. */
    String note();

    /**
     * A C scalar: an integer, {@code bool}, enum, pointer or floating-point number.
     *
     * @param enumType the generated Java enum naming the values, for a C enum; else null
     */
    record Scalar(ScalarKind kind, EnumModel enumType) implements JavaType {
        Scalar(ScalarKind kind) {
            this(kind, null);
        }

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
            if (enumType == null) {
                return kind.note();
            }
            return "the raw C value" + (kind.note() == null ? "" : " (" + kind.note() + ")")
                    + "; {@link " + enumType.className().simpleName() + "#of} names it";
        }
    }

    /**
     * A bitfield: {@code bits} bits starting {@code shift} bits into the byte at the member's
     * offset, held as the Java type of its declared C type (sign-extended when that is signed).
     *
     * @param enumType the generated Java enum naming the values, for a bitfield of a C enum; else null
     */
    record Bits(ScalarKind kind, int shift, int bits, EnumModel enumType) implements JavaType {
        @Override
        public TypeName typeName() {
            return kind.type();
        }

        @Override
        public int size() {
            return (shift + bits + 7) / 8;
        }

        /** Whether the bits are sign-extended. */
        boolean signed() {
            return kind == ScalarKind.S8 || kind == ScalarKind.S16 || kind == ScalarKind.S32
                    || kind == ScalarKind.S64;
        }

        @Override
        public String note() {
            return "a " + bits + "-bit " + (signed() ? "signed" : "unsigned") + " bitfield at bit " + shift
                    + " of that byte; writing a value that does not fit in " + bits + " bits is an "
                    + "{@code IllegalArgumentException}"
                    + (enumType == null ? "" : "; {@link " + enumType.className().simpleName() + "#of} names it");
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
            return "text up to the first NUL, at most " + length + " UTF-8 bytes (all " + length + " when it has no "
                    + "NUL; longer text is cut at a whole character on write)";
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

    /**
     * A multi-dimensional array of scalars, {@code T[length][…]}: a Java array of the arrays of
     * its {@code element} ({@link PrimitiveArray} or again a {@code NestedArray}).
     */
    record NestedArray(JavaType element, int length) implements JavaType {
        @Override
        public TypeName typeName() {
            return ArrayTypeName.of(element.typeName());
        }

        @Override
        public int size() {
            return element.size() * length;
        }

        @Override
        public String note() {
            return "exactly " + length + " arrays of " + element.note();
        }

        /** The scalar at the bottom of the dimensions. */
        ScalarKind scalar() {
            return element instanceof PrimitiveArray primitive
                    ? primitive.element()
                    : ((NestedArray) element).scalar();
        }
    }

    /** A struct or union, as its generated type. */
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

    /**
     * An array of structs, unions or texts ({@code char[N][M]}), as an unmodifiable list of exactly
     * {@code length} elements.
     */
    record ObjectArray(JavaType element, int length) implements JavaType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get(List.class), element.typeName());
        }

        @Override
        public int size() {
            return element.size() * length;
        }

        @Override
        public String note() {
            String each = element.note();
            return "exactly " + length + " elements" + (each == null ? "" : "; each " + each);
        }
    }
}
