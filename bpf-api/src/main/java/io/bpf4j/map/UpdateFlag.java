package io.bpf4j.map;

/** How an update treats an existing element (the kernel's {@code BPF_ANY/NOEXIST/EXIST}). */
public enum UpdateFlag {
    /** Create or replace. */
    ANY(0),
    /** Create only; EEXIST when the key is present. */
    NOEXIST(1),
    /** Replace only; ENOENT when the key is absent. */
    EXIST(2);

    private final long bits;

    UpdateFlag(long bits) {
        this.bits = bits;
    }

    /** The flag's value in {@code bpf_attr.flags}. */
    public long bits() {
        return bits;
    }
}
