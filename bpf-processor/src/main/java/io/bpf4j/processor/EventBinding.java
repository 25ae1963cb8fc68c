package io.bpf4j.processor;

/**
 * How one {@code @BpfSkeleton.EventType} binds a ring buffer or perf event array: to the BTF struct
 * of its records, or to raw records (no struct in BTF). Exactly one of the two.
 *
 * @param struct the struct's name; empty when {@code raw}
 * @param raw whether the records are read as bytes
 */
record EventBinding(String struct, boolean raw) {
    /** Records of the struct named {@code name}. */
    static EventBinding struct(String name) {
        return new EventBinding(name, false);
    }

    /** Raw records. */
    static EventBinding rawRecords() {
        return new EventBinding("", true);
    }

    /** How the annotation spells this binding, for messages. */
    String attribute() {
        return raw ? "raw = true" : "struct = \"" + struct + "\"";
    }
}
