package io.bpf4j.linux;

import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Helper ids by name, read from the running kernel's own {@code enum bpf_func_id} in its BTF, so
 * every helper the kernel knows is found (and none it does not know).
 */
final class HelperIds {
    private static final int BTF_KIND_ENUM = 6;
    private static final String PREFIX = "BPF_FUNC_";

    private HelperIds() {}

    /** The id of {@code name} (with or without {@code bpf_}); empty when the kernel has no such helper. */
    static Optional<Integer> of(String name) {
        String bare = name.startsWith("bpf_") ? name.substring(4) : name;
        return Optional.ofNullable(Table.IDS.get(bare));
    }

    /** Read once, on first use. */
    private static final class Table {
        static final Map<String, Integer> IDS = read();

        private static Map<String, Integer> read() {
            Pointer btf = LibBpfAttach.btf__load_vmlinux_btf();
            if (btf == null) {
                return Map.of();
            }
            try {
                int id = LibBpfAttach.btf__find_by_name_kind(btf, "bpf_func_id", BTF_KIND_ENUM);
                if (id <= 0) {
                    return Map.of();
                }
                Pointer type = LibBpfAttach.btf__type_by_id(btf, id);
                int count = type.getInt(4) & 0xFFFF;
                Map<String, Integer> ids = new HashMap<>();
                // struct btf_enum { u32 name_off; s32 val; } follows the 12-byte struct btf_type.
                for (int i = 0; i < count; i++) {
                    long entry = 12L + 8L * i;
                    String enumerator = LibBpfAttach.btf__name_by_offset(btf, type.getInt(entry));
                    if (enumerator != null && enumerator.startsWith(PREFIX)) {
                        ids.put(enumerator.substring(PREFIX.length()), type.getInt(entry + 4));
                    }
                }
                return Map.copyOf(ids);
            } finally {
                LibBpfAttach.btf__free(btf);
            }
        }
    }
}
