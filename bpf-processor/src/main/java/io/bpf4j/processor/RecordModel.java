package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.bpf4j.btf.value.ValueType;
import java.util.List;

/**
 * A C struct or union as the type generated for it.
 *
 * @param type the struct or union as a value, as bpf-api's rules lay it out (the runtime
 *     {@code BtfCodec} reads the same layout)
 * @param className the record, nested in the skeleton
 * @param cName how C spells the type, e.g. {@code struct event}
 * @param cDefinition the lines of the type's C definition, for the Javadoc
 * @param size {@code sizeof} the type, trailing padding included
 * @param union whether it is a union: every field lies at offset 0, a view of the same bytes
 * @param fields the members in declaration (and so offset) order
 * @param flexible the C declaration of a trailing flexible array member, which is not part of
 *     the fixed layout, or null
 */
record RecordModel(ValueType.Composite type, ClassName className, String cName, List<String> cDefinition,
        int size, boolean union, List<Field> fields, String flexible) {
    /**
     * The parameter slots a constructor may have: the JVM's 255, less one for {@code this}. A
     * {@code long} or {@code double} takes two.
     */
    private static final int MAX_PARAMETER_SLOTS = 254;

    RecordModel {
        cDefinition = List.copyOf(cDefinition);
        fields = List.copyOf(fields);
    }

    /**
     * Whether the type is held as its bytes rather than as one component per member: a union,
     * whose members share the bytes, or a struct whose members would need more constructor
     * parameters than the JVM allows (kernel structs such as {@code task_struct}).
     */
    boolean heldAsBytes() {
        return union || tooManyForARecord(fields);
    }

    /** Whether a record of {@code fields} would need more constructor parameter slots than allowed. */
    static boolean tooManyForARecord(List<Field> fields) {
        int slots = 0;
        for (Field field : fields) {
            TypeName type = field.type().typeName();
            slots += type.equals(TypeName.LONG) || type.equals(TypeName.DOUBLE) ? 2 : 1;
        }
        return slots > MAX_PARAMETER_SLOTS;
    }

    /**
     * One member.
     *
     * @param name the Java name (record component or union accessor)
     * @param cName the C member name; for a member of an anonymous struct or union member, "" (the
     *     member is reached through its own fields)
     * @param cDeclaration the member's C declaration, e.g. {@code char comm[16]}
     * @param offset the byte offset inside the type, from BTF
     * @param type how the member is held in Java
     */
    record Field(String name, String cName, String cDeclaration, int offset, JavaType type) {
        /** What range-check messages call the member: its C name, or the Java one for an anonymous member. */
        String messageName() {
            return cName.isEmpty() ? name : cName;
        }
    }
}
