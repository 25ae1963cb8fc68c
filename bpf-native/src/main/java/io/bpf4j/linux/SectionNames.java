package io.bpf4j.linux;

/** What a program's {@code SEC()} name says about the kernel features it needs. */
final class SectionNames {
    private SectionNames() {}

    /** A kprobe or kretprobe (including libbpf's ksyscall wrappers) on one function. */
    static boolean isKprobe(String section) {
        return startsWithAny(section, "kprobe/", "kretprobe/", "ksyscall/", "kretsyscall/");
    }

    /** A kprobe on many functions at once (fprobe-based). */
    static boolean isKprobeMulti(String section) {
        return startsWithAny(section, "kprobe.multi/", "kretprobe.multi/");
    }

    /** A tracepoint, attached through tracefs. */
    static boolean isTracepoint(String section) {
        return startsWithAny(section, "tp/", "tracepoint/");
    }

    /** The "CATEGORY/NAME" of a tracepoint section ({@code tp/CATEGORY/NAME} or {@code tracepoint/CATEGORY/NAME}). */
    static String tracepoint(String section) {
        return section.substring(section.indexOf('/') + 1);
    }

    /** A program that needs BPF trampolines to load: fentry/fexit/fmod_ret, freplace and LSM. */
    static boolean needsTrampoline(String section) {
        return startsWithAny(section, "fentry/", "fexit/", "fmod_ret/", "fentry.s/", "fexit.s/", "fmod_ret.s/",
                "freplace/", "lsm/", "lsm.s/", "lsm_cgroup/");
    }

    private static boolean startsWithAny(String section, String... prefixes) {
        for (String prefix : prefixes) {
            if (section.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
