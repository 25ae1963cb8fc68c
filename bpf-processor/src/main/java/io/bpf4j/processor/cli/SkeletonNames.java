package io.bpf4j.processor.cli;

import java.util.Locale;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * The Java type an object is named after: {@code opensnoop.bpf.o} → {@code Opensnoop} (whose
 * skeleton is {@code OpensnoopSkel}), {@code tcp_connlat.bpf.o} → {@code TcpConnlat}. The object's
 * name is the file name without {@code .bpf.o} (or {@code .o}), as libbpf derives it; every run of
 * characters a Java identifier cannot hold separates words.
 */
final class SkeletonNames {
    private static final String SKELETON_SUFFIX = "Skel";

    private SkeletonNames() {}

    /** The type named after the object file {@code fileName}, or empty when no word of it can start a name. */
    static Optional<String> typeName(String fileName) {
        StringBuilder name = new StringBuilder();
        for (String word : objectName(fileName).split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        String result = name.toString();
        return SourceVersion.isIdentifier(result) && !SourceVersion.isKeyword(result)
                ? Optional.of(result)
                : Optional.empty();
    }

    /** The skeleton class the processor generates for a type named {@code typeName}. */
    static String skeletonName(String typeName) {
        return typeName + SKELETON_SUFFIX;
    }

    private static String objectName(String fileName) {
        for (String suffix : new String[] {".bpf.o", ".o"}) {
            if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return fileName;
    }
}
