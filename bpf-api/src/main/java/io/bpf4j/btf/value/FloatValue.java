package io.bpf4j.btf.value;

import java.util.Objects;

/**
 * A C {@code float} or {@code double}. Equal values have equal bits, as records compare their
 * floating-point components: NaN equals NaN, 0.0 differs from -0.0.
 */
public final class FloatValue implements BtfValue {
    private final ScalarKind kind;
    private final double value;

    private FloatValue(ScalarKind kind, double value) {
        this.kind = kind;
        this.value = value;
    }

    /** A {@code float}. */
    public static FloatValue of(float value) {
        return new FloatValue(ScalarKind.F32, value);
    }

    /** A {@code double}. */
    public static FloatValue of(double value) {
        return new FloatValue(ScalarKind.F64, value);
    }

    /** {@link ScalarKind#F32} or {@link ScalarKind#F64}. */
    public ScalarKind kind() {
        return kind;
    }

    /** The value as a {@code double} (exact for a {@code float}). */
    public double doubleValue() {
        return value;
    }

    /** The value as a {@code float} (rounded for a {@code double}). */
    public float floatValue() {
        return (float) value;
    }

    /** A {@code Float} or a {@code Double}. */
    @Override
    public Object javaValue() {
        return kind == ScalarKind.F32 ? (Object) (float) value : (Object) value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatValue that && that.kind == kind && Objects.equals(that.javaValue(), javaValue());
    }

    @Override
    public int hashCode() {
        return javaValue().hashCode();
    }

    @Override
    public String toString() {
        return kind == ScalarKind.F32 ? Float.toString((float) value) : Double.toString(value);
    }
}
