package io.bpf4j.processor.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The BPF fixtures the build compiles from {@code src/test/bpf/p} into the test class path. */
final class TestObjects {
    private TestObjects() {}

    /** {@code p/NAME} on the test class path, e.g. {@code opensnoop.bpf.o}. */
    static Path object(String name) {
        URL url = TestObjects.class.getResource("/p/" + name);
        if (url == null) {
            throw new IllegalStateException("p/" + name + " is not on the test class path: "
                    + "build with Maven, which compiles src/test/bpf before the tests");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory of the class-path root the fixtures are under. */
    static Path root() {
        return object("opensnoop.bpf.o").getParent().getParent();
    }
}
