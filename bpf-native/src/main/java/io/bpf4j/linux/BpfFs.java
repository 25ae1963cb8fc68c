package io.bpf4j.linux;

import io.bpf4j.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Explains why pinning to, or opening from, the BPF file system failed: most often the path is not
 * on a bpffs mount, which {@code /proc/self/mounts} tells.
 */
final class BpfFs {
    private static final Path MOUNTS = Path.of("/proc/self/mounts");

    private BpfFs() {}

    /** The likely cause of a failed {@code BPF_OBJ_PIN} at {@code path}, or null when the errno says enough. */
    static String pinDetail(int errno, String path) {
        if (errno == Errno.EEXIST) {
            return "something is already pinned at " + path;
        }
        String notBpfFs = notOnBpfFs(path);
        if (notBpfFs != null) {
            return notBpfFs;
        }
        return errno == Errno.ENOENT ? "the directory of " + path + " does not exist" : null;
    }

    /** The likely cause of a failed {@code BPF_OBJ_GET} of {@code path}, or null when the errno says enough. */
    static String openDetail(int errno, String path) {
        String notBpfFs = notOnBpfFs(path);
        if (notBpfFs != null) {
            return notBpfFs;
        }
        if (errno == Errno.ENOENT) {
            return "nothing is pinned at " + path;
        }
        return errno == Errno.EINVAL ? path + " is not a pinned BPF object" : null;
    }

    /** Says so when {@code path}'s file system is not bpffs; null when it is or when that cannot be told. */
    static String notOnBpfFs(String path) {
        Path absolute = Path.of(path).toAbsolutePath().normalize();
        List<String> mounts;
        try {
            mounts = Files.readAllLines(MOUNTS);
        } catch (IOException e) {
            return null;
        }
        String mountPoint = null;
        String type = null;
        // The longest (and, among equals, the last: the topmost) mount point containing the path.
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length < 3) {
                continue;
            }
            Path point = Path.of(fields[1].replace("\\040", " "));
            boolean deeper = mountPoint == null || point.getNameCount() >= Path.of(mountPoint).getNameCount();
            if (absolute.startsWith(point) && deeper) {
                mountPoint = point.toString();
                type = fields[2];
            }
        }
        if (type == null || type.equals("bpf")) {
            return null;
        }
        return path + " is on a " + type + " file system mounted at " + mountPoint
                + ", not on bpffs: pin under a bpffs mount (mount -t bpf bpf /sys/fs/bpf)";
    }
}
