package io.bpf4j.processor;

import io.bpf4j.object.ObjectSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a BPF object is on the class path: the annotation's value resolved like
 * {@link Class#getResource(String)} resolves it against the annotated type.
 *
 * @param resourceName the path from the class-path root, without a leading {@code /}, e.g.
 *     {@code p/opensnoop.bpf.o}
 * @param nameForSkeleton the name the skeleton passes to {@code ObjectSource.resource}, relative to
 *     its own package when the user wrote it so, else absolute ({@code /…})
 */
record ObjectPath(String resourceName, String nameForSkeleton) {
    /**
     * Resolves {@code value} (relative, or absolute with a leading {@code /}) against
     * {@code packageName}.
     *
     * @throws GenerationException when the value names no file, or climbs above the class-path root
     */
    static ObjectPath resolve(String packageName, String value) throws GenerationException {
        if (value.isBlank() || value.endsWith("/")) {
            throw new GenerationException("@BpfSkeleton(\"" + value + "\") names no object file; "
                    + "write its class-path name, such as \"opensnoop.bpf.o\"");
        }
        boolean absolute = value.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        if (!absolute && !packageName.isEmpty()) {
            for (String segment : packageName.split("\\.")) {
                segments.addLast(segment);
            }
        }
        boolean climbed = false;
        for (String segment : value.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    throw new GenerationException("@BpfSkeleton(\"" + value + "\") climbs above the class-path root");
                }
                climbed = true;
            } else {
                segments.addLast(segment);
            }
        }
        String resourceName = String.join("/", segments);
        String packageDirectory = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        String forSkeleton = absolute || climbed || !resourceName.startsWith(packageDirectory)
                ? "/" + resourceName
                : resourceName.substring(packageDirectory.length());
        return new ObjectPath(resourceName, forSkeleton);
    }

    /** The file name, e.g. {@code opensnoop.bpf.o}. */
    String fileName() {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    /**
     * The object's name as libbpf derives it, the file name without {@code .bpf.o} (or {@code .o}):
     * {@code opensnoop}. The kernel names the object's internal maps after it.
     */
    String objectName() {
        return ObjectSource.objectName(fileName());
    }

    @Override
    public String toString() {
        return resourceName;
    }
}
