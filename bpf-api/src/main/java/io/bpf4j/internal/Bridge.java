package io.bpf4j.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Not API: how bpf-api's packages build each other's user-facing objects over backend handles
 * without a public signature that mentions the SPI.
 *
 * <p>A user-facing class whose constructor takes a backend handle keeps that constructor private
 * and registers, from its static initializer, an implementation of one of this package's
 * {@code *Access} interfaces; code in another package of bpf-api asks for it with
 * {@link #get}, which initializes the owner first. (The JDK's {@code SharedSecrets} work the same
 * way.) Everything here may change in any release.
 */
public final class Bridge {
    private static final Map<Class<?>, Object> IMPLEMENTATIONS = new ConcurrentHashMap<>();

    private Bridge() {}

    /**
     * Registers the one implementation of {@code role}; called by its owner's static initializer.
     *
     * @throws IllegalStateException when {@code role} already has one
     */
    public static <T> void register(Class<T> role, T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        if (IMPLEMENTATIONS.putIfAbsent(role, implementation) != null) {
            throw new IllegalStateException(role.getName() + " is registered twice");
        }
    }

    /** The implementation of {@code role} that {@code owner}'s static initializer registers. */
    public static <T> T get(Class<T> role, Class<?> owner) {
        Object implementation = IMPLEMENTATIONS.get(role);
        if (implementation == null) {
            initialize(owner);
            implementation = IMPLEMENTATIONS.get(role);
            if (implementation == null) {
                throw new IllegalStateException(owner.getName() + " registers no " + role.getName());
            }
        }
        return role.cast(implementation);
    }

    private static void initialize(Class<?> owner) {
        try {
            Class.forName(owner.getName(), true, owner.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the class " + owner.getName() + " was loaded, so it exists", e);
        }
    }
}
