package io.bpf4j.btf.value;

/** A C {@code bool}: read as true when its byte is not zero, written as 1 or 0. */
public final class BoolValue implements BtfValue {
    /** {@code true}. */
    public static final BoolValue TRUE = new BoolValue(true);
    /** {@code false}. */
    public static final BoolValue FALSE = new BoolValue(false);

    private final boolean value;

    private BoolValue(boolean value) {
        this.value = value;
    }

    /** {@link #TRUE} or {@link #FALSE}. */
    public static BoolValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The value. */
    public boolean booleanValue() {
        return value;
    }

    /** A {@code Boolean}. */
    @Override
    public Object javaValue() {
        return value;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
