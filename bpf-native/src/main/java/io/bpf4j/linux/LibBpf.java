package io.bpf4j.linux;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.ptr.LongByReference;

/**
 * The libbpf 1.x calls bpf4j needs, bound by JNA direct mapping to {@code libbpf.so.1}.
 *
 * <p>libbpf 1.x reports failures as {@code NULL} (pointer functions) or {@code -errno} (int
 * functions) and sets {@code errno} in both cases; read it with {@link Native#getLastError()}.
 * {@link LibbpfVersion#library()} must have succeeded before this class is touched, so a missing or
 * too old libbpf is reported in words instead of as a class-initialisation error.
 *
 * <p>Pointers to libbpf's opaque structs ({@code bpf_object}, {@code bpf_program}, {@code bpf_map},
 * {@code bpf_link}) are plain {@link Pointer}s. C {@code bool} results are read as {@code byte}
 * because only the low byte of the return register is defined.
 */
final class LibBpf {
    static {
        Native.register(LibBpf.class, LibbpfVersion.library());
    }

    static final int LIBBPF_WARN = 0;
    static final int LIBBPF_INFO = 1;

    /** {@code BPF_F_MMAPABLE}: the map's memory can be mmap'd (libbpf sets it on data sections). */
    static final int BPF_F_MMAPABLE = 1 << 10;

    private LibBpf() {}

    /** {@code libbpf_print_fn_t}: {@code int (*)(enum libbpf_print_level, const char *, va_list)}. */
    interface PrintCallback extends Callback {
        int invoke(int level, Pointer format, Pointer args);
    }

    static native Pointer libbpf_set_print(PrintCallback callback);

    static native int libbpf_num_possible_cpus();

    /** Describes an errno, including libbpf's own codes (4000 and up, e.g. 4001 "invalid ELF format"). */
    static native int libbpf_strerror(int error, Pointer buffer, long size);

    static native Pointer bpf_object__open_mem(Pointer buffer, long size, BpfObjectOpenOpts opts);

    static native int bpf_object__load(Pointer object);

    static native void bpf_object__close(Pointer object);

    static native Pointer bpf_object__next_program(Pointer object, Pointer previous);

    static native Pointer bpf_object__next_map(Pointer object, Pointer previous);

    static native Pointer bpf_object__find_program_by_name(Pointer object, String name);

    static native Pointer bpf_object__find_map_by_name(Pointer object, String name);

    static native String bpf_program__name(Pointer program);

    static native String bpf_program__section_name(Pointer program);

    static native int bpf_program__set_autoload(Pointer program, boolean autoload);

    static native byte bpf_program__autoload(Pointer program);

    static native int bpf_program__set_log_buf(Pointer program, Pointer buffer, long size);

    static native int bpf_program__fd(Pointer program);

    static native Pointer bpf_program__attach(Pointer program);

    static native int bpf_link__destroy(Pointer link);

    static native String bpf_map__name(Pointer map);

    static native int bpf_map__fd(Pointer map);

    static native int bpf_map__type(Pointer map);

    static native int bpf_map__key_size(Pointer map);

    static native int bpf_map__value_size(Pointer map);

    static native int bpf_map__max_entries(Pointer map);

    static native int bpf_map__map_flags(Pointer map);

    static native byte bpf_map__is_internal(Pointer map);

    /** The data section's memory and its size; {@code NULL} for maps that are not data sections. */
    static native Pointer bpf_map__initial_value(Pointer map, LongByReference size);

    /** Copies {@code data} into libbpf's initial value of a data section; only before load, {@code size} exact. */
    static native int bpf_map__set_initial_value(Pointer map, byte[] data, long size);

    /** Where libbpf pins the map at load; {@code NULL} unless it is declared with {@code pinning} (or was set). */
    static native String bpf_map__pin_path(Pointer map);

    /** Sets where libbpf pins (or finds the pinned) map at load; only before load. */
    static native int bpf_map__set_pin_path(Pointer map, String path);

    /**
     * {@code struct bpf_object_open_opts} as libbpf 1.1 declares it in {@code <bpf/libbpf.h>}.
     *
     * <p>libbpf reads {@code sz} to learn which fields the caller knows: newer libbpf versions accept
     * this smaller struct, and fields left zero keep libbpf's defaults. Only {@code object_name} is set.
     *
     * <p>Public (inside this package-private class) only because JNA reads the fields reflectively.
     */
    @FieldOrder({"sz", "object_name", "relaxed_maps", "pin_root_path", "removed_attach_prog_fd", "kconfig",
            "btf_custom_path", "kernel_log_buf", "kernel_log_size", "kernel_log_level"})
    public static final class BpfObjectOpenOpts extends Structure {
        /** {@code size_t sz}: the size of this struct. */
        public long sz;
        /** {@code const char *object_name}: names the object and prefixes its data-section maps. */
        public Pointer object_name;
        /** {@code bool relaxed_maps}. */
        public byte relaxed_maps;
        /** {@code const char *pin_root_path}. */
        public Pointer pin_root_path;
        /** {@code __u32 :32}: where the removed {@code attach_prog_fd} was. */
        public int removed_attach_prog_fd;
        /** {@code const char *kconfig}. */
        public Pointer kconfig;
        /** {@code const char *btf_custom_path}. */
        public Pointer btf_custom_path;
        /** {@code char *kernel_log_buf}. */
        public Pointer kernel_log_buf;
        /** {@code size_t kernel_log_size}. */
        public long kernel_log_size;
        /** {@code __u32 kernel_log_level}. */
        public int kernel_log_level;

        /** Options naming the object; {@code objectName} must stay allocated until the open returns. */
        BpfObjectOpenOpts(Pointer objectName) {
            object_name = objectName;
            sz = size();
        }
    }
}
