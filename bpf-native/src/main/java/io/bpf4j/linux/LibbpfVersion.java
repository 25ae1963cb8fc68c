package io.bpf4j.linux;

import com.sun.jna.NativeLibrary;
import io.bpf4j.BpfException;

/**
 * Finds {@code libbpf.so.1} and refuses a libbpf older than 1.0, whose error conventions (and
 * missing APIs) bpf4j does not support. Runs before {@link LibBpf} is bound, so that a missing or
 * old library is a {@link BpfException} that says what to install.
 */
final class LibbpfVersion {
    /** The soname of libbpf 1.x; libbpf 0.x ships as {@code libbpf.so.0}. */
    static final String LIBRARY = "libbpf.so.1";
    private static final String OLD_LIBRARY = "libbpf.so.0";
    private static final int MIN_MAJOR = 1;
    private static final String INSTALL = "apt-get install libbpf1";

    private LibbpfVersion() {}

    /**
     * The loaded libbpf, checked to be 1.0 or newer.
     *
     * @throws BpfException when libbpf is missing or too old
     */
    static NativeLibrary library() {
        return Holder.checked();
    }

    /** The version as {@code major.minor}, e.g. {@code "1.1"}. */
    static String version() {
        NativeLibrary lib = library();
        return major(lib) + "." + lib.getFunction("libbpf_minor_version").invokeInt(new Object[0]);
    }

    private static int major(NativeLibrary lib) {
        return lib.getFunction("libbpf_major_version").invokeInt(new Object[0]);
    }

    /** Loads and checks once; a failure is reported again, freshly, on every later call. */
    private static final class Holder {
        private static final NativeLibrary LIBRARY_OR_NULL = loadOrNull();

        static NativeLibrary checked() {
            if (LIBRARY_OR_NULL == null) {
                throw unavailable();
            }
            int major = major(LIBRARY_OR_NULL);
            if (major < MIN_MAJOR) {
                throw tooOld();
            }
            return LIBRARY_OR_NULL;
        }

        private static NativeLibrary loadOrNull() {
            try {
                return NativeLibrary.getInstance(LIBRARY);
            } catch (UnsatisfiedLinkError e) {
                return null;
            }
        }

        private static BpfException unavailable() {
            if (loads(OLD_LIBRARY)) {
                return tooOld();
            }
            return new BpfException("loading " + LIBRARY, 0,
                    "libbpf 1.x is not installed: bpf4j needs libbpf 1.0 or newer (" + INSTALL + ")");
        }

        private static BpfException tooOld() {
            return new BpfException("loading libbpf", 0,
                    "libbpf 0.x is too old: bpf4j needs libbpf 1.0 or newer (" + INSTALL + ")");
        }

        private static boolean loads(String name) {
            try {
                NativeLibrary.getInstance(name);
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }
    }
}
