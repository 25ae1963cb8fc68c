package io.bpf4j.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.TestRunRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Backends that predate an SPI method compile and say clearly that they lack it. */
class SpiDefaultsTest {
    @Test
    void newLoadedObjectOperationsAreUnsupportedByDefault() {
        LoadedObject object = onlyDefaults(LoadedObject.class);

        assertThatThrownBy(() -> object.attach("p", new AttachTarget.Iterator()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.feature()).contains("not supported by this backend"))
                .hasMessageStartingWith("attaching program 'p' to Iterator[] failed");
        assertThatThrownBy(() -> object.testRun("p", TestRunRequest.ofPacket(new byte[14])))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("not supported by this backend");
        assertThatThrownBy(() -> object.programInfo("p")).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(object::enableRunStatistics).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(() -> object.verifierLog("p")).isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void linkOpenObjectAndBackendDefaultsToo() {
        LinkHandle link = onlyDefaults(LinkHandle.class);
        OpenObject open = onlyDefaults(OpenObject.class);
        KernelBackend backend = onlyDefaults(KernelBackend.class);

        assertThatThrownBy(() -> link.pin("/sys/fs/bpf/x")).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(() -> link.update("q")).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(link::openIterator).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(() -> open.setLogLevel("p", 1)).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(backend::features)
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("feature probes not supported by this backend");
    }

    /** An implementation whose abstract methods answer "stub" (for messages) and whose defaults run. */
    @SuppressWarnings("unchecked")
    private static <T> T onlyDefaults(Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getReturnType() == String.class) {
                return "stub";
            }
            throw new AssertionError(method + " is not a default method");
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
