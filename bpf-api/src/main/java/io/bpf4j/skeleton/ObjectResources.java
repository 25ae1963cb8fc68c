package io.bpf4j.skeleton;

import io.bpf4j.BpfException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a skeleton's BPF object from the class path and checks it is the one it was generated from. */
public final class ObjectResources {
    private ObjectResources() {}

    /**
     * The bytes of {@code resource} (resolved like {@link Class#getResource(String)} against
     * {@code anchor}).
     *
     * @param expectedSha256 the object's SHA-256 when the skeleton was generated (lowercase hex)
     * @throws BpfException when the resource is missing, unreadable, or not the same object
     */
    public static byte[] read(Class<?> anchor, String resource, String expectedSha256) {
        String what = "reading BPF object '" + resource + "' for " + anchor.getSimpleName();
        byte[] bytes;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BpfException(what, 0, "it is not on the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new BpfException(what, 0, e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new BpfException(what, 0, "the object changed since its skeleton was generated (SHA-256 "
                    + actual + ", expected " + expectedSha256 + "); rebuild the project");
        }
        return bytes;
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
