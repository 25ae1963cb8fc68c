package io.bpf4j.btf.value;

import io.bpf4j.text.Printable;
import java.util.List;
import java.util.Map;

/** The plan of a struct or union: one member plan each, planned after the composite itself is known. */
abstract class CompositePlan extends Plan {
    private final ValueType.Composite type;
    /** Per member: its offset, its plan, and what messages call it. */
    final int[] offsets;
    final Plan[] plans;
    final String[] messageNames;

    CompositePlan(ValueType.Composite type) {
        super(type);
        this.type = type;
        int count = type.fields().size();
        this.offsets = new int[count];
        this.plans = new Plan[count];
        this.messageNames = new String[count];
    }

    @Override
    ValueType.Composite type() {
        return type;
    }

    /** Plans every member; {@code composites} already holds this plan, for members that share types. */
    void planMembers(Map<ValueType.Composite, Plan> composites) {
        List<ValueType.Field> fields = type.fields();
        int anonymous = 0;
        for (int i = 0; i < fields.size(); i++) {
            ValueType.Field field = fields.get(i);
            offsets[i] = field.offset();
            plans[i] = Plan.of(field.type(), composites);
            // Range-check messages reach terminals and logs: the object's names are escaped.
            messageNames[i] = field.anonymous()
                    ? "anonymous member " + ++anonymous + " of " + displayName()
                    : Printable.escape(CTypeNames.shown(field.name()));
        }
        planned();
    }

    /** Called once the members are planned. */
    abstract void planned();

    /** Member {@code index} of {@code value}, a value of this plan's type. */
    abstract BtfValue member(StructValue value, int index);

    /** {@code struct name} or {@code union {…}}, escaped, for messages. */
    final String displayName() {
        return displayName(type);
    }

    private static String displayName(ValueType.Composite type) {
        return (type.union() ? "union " : "struct ")
                + (type.name().isEmpty() ? "{…}" : Printable.escape(CTypeNames.shown(type.name())));
    }

    /** Checks {@code value} is a struct or union of this type. */
    final StructValue check(BtfValue value, String field) {
        if (!(value instanceof StructValue struct)) {
            throw wrongValue(field, "a StructValue of " + displayName(), value);
        }
        if (!struct.type().equals(type)) {
            throw new IllegalArgumentException(field + ": a value of " + displayName() + " is needed, not one of "
                    + displayName(struct.type()));
        }
        return struct;
    }
}
