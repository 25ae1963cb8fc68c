package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A C enum as the Java enum generated for it.
 *
 * @param className the enum, nested in the skeleton
 * @param cName how C spells the type, e.g. {@code enum state}
 * @param size {@code sizeof} the enum: 1, 2, 4 or 8 ({@code enum64})
 * @param signed whether BTF marks the values signed
 * @param constants the enumerators in declaration order
 */
record EnumModel(ClassName className, String cName, int size, boolean signed, List<Constant> constants) {
    EnumModel {
        constants = List.copyOf(constants);
    }

    /**
     * One enumerator.
     *
     * @param name the Java constant name
     * @param cName the C enumerator
     * @param value its value; an unsigned 64-bit value above {@link Long#MAX_VALUE} as its bits
     */
    record Constant(String name, String cName, long value) {}
}
