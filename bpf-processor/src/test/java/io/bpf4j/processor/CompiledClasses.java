package io.bpf4j.processor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the class files javac wrote in memory, delegating everything else to the test's loader;
 * optionally serves resources of its own first (a crafted object in place of a fixture).
 */
final class CompiledClasses extends ClassLoader {
    private static final String PREFIX = "/CLASS_OUTPUT/";
    private final Map<String, JavaFileObject> classes = new HashMap<>();
    private final Map<String, byte[]> resources;

    CompiledClasses(List<JavaFileObject> files, ClassLoader parent) {
        this(files, parent, Map.of());
    }

    /** @param resources class-path name (e.g. {@code p/x.bpf.o}) → contents, served before the parent's */
    CompiledClasses(List<JavaFileObject> files, ClassLoader parent, Map<String, byte[]> resources) {
        super(parent);
        this.resources = Map.copyOf(resources);
        for (JavaFileObject file : files) {
            String name = file.getName();
            if (file.getKind() == JavaFileObject.Kind.CLASS && name.startsWith(PREFIX)) {
                String binaryName = name.substring(PREFIX.length(), name.length() - ".class".length());
                classes.put(binaryName.replace('/', '.'), file);
            }
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] own = resources.get(name);
        return own != null ? new ByteArrayInputStream(own) : super.getResourceAsStream(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject file = classes.get(name);
        if (file == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
