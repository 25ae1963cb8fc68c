package io.bpf4j.btf;

/**
 * How enum values and widths are spelled in C. An enum's size is not written in C but follows
 * from its values, so enums whose BTF size differs from what the values imply get a
 * {@code mode} attribute that forces it.
 */
final class CEnumValues {
    private CEnumValues() {
    }

    /** The C literal of enumerator {@code value} of {@code enumeration}, with its signedness. */
    static String literal(BtfType.Enum enumeration, long value) {
        if (enumeration.size() <= 4) {
            return enumeration.signed() ? Integer.toString((int) value) : Integer.toUnsignedString((int) value);
        }
        if (!enumeration.signed()) {
            return Long.toUnsignedString(value) + "ULL";
        }
        // -9223372036854775808LL would be the negation of a literal too large for long long.
        return value == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : value + "LL";
    }

    /** The attribute that gives the enum its BTF size, or "" when its values imply that size. */
    static String sizeAttribute(BtfType.Enum enumeration) {
        return switch (enumeration.size()) {
            case 1 -> " __attribute__((mode(byte)))";
            case 2 -> " __attribute__((mode(HI)))";
            case 8 -> fitsIn32Bits(enumeration) ? " __attribute__((mode(word)))" : "";
            default -> "";
        };
    }

    private static boolean fitsIn32Bits(BtfType.Enum enumeration) {
        for (BtfType.EnumValue value : enumeration.values()) {
            long v = value.value();
            boolean fits = enumeration.signed() ? v == (int) v : (v >>> 32) == 0;
            if (!fits) {
                return false;
            }
        }
        return true;
    }
}
