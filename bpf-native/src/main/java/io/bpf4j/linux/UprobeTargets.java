package io.bpf4j.linux;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns the binary of a uprobe or USDT target into a path: paths are kept, a library's short name
 * ({@code "c"}, {@code "pthread"}, or {@code "libc.so.6"}) becomes the file this process has mapped,
 * else the one the dynamic linker's cache ({@code /etc/ld.so.cache}) lists. Finding symbols in the
 * file is libbpf's job.
 */
final class UprobeTargets {
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final Path LD_SO_CACHE = Path.of("/etc/ld.so.cache");

    private UprobeTargets() {}

    /**
     * The binary's path.
     *
     * @throws BpfException (ENOENT) naming {@code binary} when no such file or library exists
     */
    static String resolve(String binary) {
        if (binary.contains("/")) {
            if (!Files.isRegularFile(Path.of(binary))) {
                throw new BpfException("resolving binary '" + binary + "'", Errno.ENOENT, "no such file");
            }
            return binary;
        }
        String prefix = libraryPrefix(binary);
        return mappedLibrary(prefix).or(() -> cachedLibrary(prefix))
                .orElseThrow(() -> new BpfException("resolving binary '" + binary + "'", Errno.ENOENT,
                        "no library " + prefix + "* is mapped by this process or listed in " + LD_SO_CACHE));
    }

    /** {@code "c"} → {@code "libc.so"}; a name that already says {@code lib….so…} is kept. */
    static String libraryPrefix(String name) {
        if (name.startsWith("lib") && name.contains(".so")) {
            return name;
        }
        return "lib" + name + ".so";
    }

    private static Optional<String> mappedLibrary(String prefix) {
        try {
            List<String> lines = Files.readAllLines(MAPS);
            return lines.stream()
                    .map(UprobeTargets::mappedPath)
                    .filter(path -> path != null && matches(path, prefix))
                    .findFirst();
        } catch (IOException e) {
            // No /proc (or not Linux-like): the linker's cache is the other source.
            return Optional.empty();
        }
    }

    /** The path column of a {@code /proc/PID/maps} line, or null for anonymous mappings. */
    private static String mappedPath(String line) {
        int slash = line.indexOf('/');
        return slash < 0 ? null : line.substring(slash).strip();
    }

    /**
     * Searches the cache's string table, which holds every library's full path, for a matching
     * file: simpler and as exact as decoding its entry records, whose layout changed between glibc
     * versions.
     */
    private static Optional<String> cachedLibrary(String prefix) {
        byte[] cache;
        try {
            cache = Files.readAllBytes(LD_SO_CACHE);
        } catch (IOException e) {
            return Optional.empty();
        }
        int start = 0;
        for (int i = 0; i < cache.length; i++) {
            if (cache[i] != 0) {
                continue;
            }
            if (i > start && cache[start] == '/') {
                String path = new String(cache, start, i - start, StandardCharsets.UTF_8);
                if (matches(path, prefix) && Files.isRegularFile(Path.of(path))) {
                    return Optional.of(path);
                }
            }
            start = i + 1;
        }
        return Optional.empty();
    }

    private static boolean matches(String path, String prefix) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.startsWith(prefix);
    }
}
