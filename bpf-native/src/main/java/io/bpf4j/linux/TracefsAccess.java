package io.bpf4j.linux;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

/**
 * Why this process cannot read a tracefs file. tracefs guards its files with file permissions, not
 * with a BPF capability: its root is mode 0700 and its files 0440, owned by root, unless it was
 * mounted with {@code gid=} and {@code mode=}. So CAP_BPF + CAP_PERFMON alone reach neither a
 * tracepoint's {@code events/CATEGORY/NAME/id} (which libbpf reads to attach) nor {@code trace_pipe};
 * CAP_DAC_READ_SEARCH or a tracefs group does.
 */
final class TracefsAccess {
    /** What grants the access, as measured: root, CAP_DAC_READ_SEARCH, or a tracefs mounted for a group. */
    static final String HOW = "run as root, add CAP_DAC_READ_SEARCH, or mount tracefs for a group of yours"
            + " (mount -o remount,gid=GROUP,mode=0750 " + KernelConfig.TRACEFS + ")";

    private TracefsAccess() {}

    /** The file libbpf reads to attach {@code tracepoint} ("CATEGORY/NAME"). */
    static Path tracepointId(String tracepoint) {
        // libbpf takes debugfs's tracing directory when it can see it, tracefs's mount otherwise.
        Path tracing = Files.exists(KernelConfig.DEBUGFS_TRACING) ? KernelConfig.DEBUGFS_TRACING
                : KernelConfig.TRACEFS;
        return tracing.resolve("events").resolve(tracepoint).resolve("id");
    }

    /**
     * What this process lacks to read {@code file}, when opening it is denied; empty when it opens
     * (or fails for another reason, such as not existing), so the caller's failure has another cause.
     */
    static Optional<String> whyUnreadable(Path file) {
        try (FileChannel readable = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.empty();
        } catch (AccessDeniedException denied) {
            return Optional.of(readAccess(file));
        } catch (IOException other) {
            return Optional.empty();
        }
    }

    /**
     * The missing access to {@code file} in words, naming the first path on the way this process may
     * not pass and its mode and owner, e.g. {@code "read access to /sys/kernel/tracing/trace_pipe
     * (/sys/kernel/tracing is mode 0700, owner root:root): run as root, ..."}.
     */
    static String readAccess(Path file) {
        return "read access to " + file + " (" + describe(blocker(file)) + "): " + HOW;
    }

    /**
     * The directory on the way to {@code file} this process cannot search (looking up its child is
     * denied), or {@code file} itself when every step can be looked up.
     */
    private static Path blocker(Path file) {
        Path current = file.toAbsolutePath().getRoot();
        for (Path name : file.toAbsolutePath()) {
            Path next = current.resolve(name);
            try {
                Files.readAttributes(next, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (AccessDeniedException denied) {
                return current;
            } catch (IOException | UnsupportedOperationException other) {
                return file;
            }
            current = next;
        }
        return file;
    }

    private static String describe(Path path) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return path + " is mode " + octal(attributes) + ", owner " + attributes.owner().getName() + ":"
                    + attributes.group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return path + " cannot be examined either";
        }
    }

    private static String octal(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            // The enum runs OWNER_READ ... OTHERS_EXECUTE: bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
