package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectPathTest {
    @Test
    void relativeNamesResolveAgainstThePackage() throws GenerationException {
        ObjectPath path = ObjectPath.resolve("com.example", "opensnoop.bpf.o");

        assertThat(path.resourceName()).isEqualTo("com/example/opensnoop.bpf.o");
        assertThat(path.nameForSkeleton()).isEqualTo("opensnoop.bpf.o");
        assertThat(path.objectName()).isEqualTo("opensnoop");
    }

    @Test
    void absoluteNamesStayAbsolute() throws GenerationException {
        ObjectPath path = ObjectPath.resolve("com.example", "/bpf/tools.o");

        assertThat(path.resourceName()).isEqualTo("bpf/tools.o");
        assertThat(path.nameForSkeleton()).isEqualTo("/bpf/tools.o");
        assertThat(path.objectName()).isEqualTo("tools");
    }

    @Test
    void climbingOutOfThePackageMakesTheNameAbsolute() throws GenerationException {
        ObjectPath path = ObjectPath.resolve("com.example", "../shared/./x.bpf.o");

        assertThat(path.resourceName()).isEqualTo("com/shared/x.bpf.o");
        assertThat(path.nameForSkeleton()).isEqualTo("/com/shared/x.bpf.o");
    }

    @Test
    void theUnnamedPackage() throws GenerationException {
        assertThat(ObjectPath.resolve("", "x.bpf.o").nameForSkeleton()).isEqualTo("x.bpf.o");
    }

    @Test
    void aNameWithoutAFileIsRejected() {
        assertThatThrownBy(() -> ObjectPath.resolve("p", "dir/"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("names no object file");
    }
}
