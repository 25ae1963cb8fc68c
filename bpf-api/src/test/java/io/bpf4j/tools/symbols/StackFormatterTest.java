package io.bpf4j.tools.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

class StackFormatterTest {
    private static final KernelSymbols KERNEL = KernelSymbols.parse(String.join("\n",
            "ffffffff813d0a00 T __clear_user",
            "ffffffff8120c300 T vfs_read",
            "ffffffffc0a01000 t nft_do_chain\t[nf_tables]"), "fixture");

    // A stack-trace map value: frames innermost first, zero-filled after the last one.
    private static final long[] KERNEL_STACK = {0xffffffff813d0af8L, 0xffffffff8120c385L, 0xffffffffc0a01010L, 0, 0};

    @Test
    void printsFunctionNamesIndentedAndStopsAtTheFirstZero() {
        assertThat(StackFormatter.standard().kernelFrames(KERNEL_STACK, KERNEL))
                .containsExactly("    __clear_user", "    vfs_read", "    nft_do_chain");
    }

    @Test
    void addressesAndOffsetsAreAddedOnRequest() {
        assertThat(StackFormatter.standard().withAddresses().withOffsets().withIndent("  ")
                .kernelFrames(KERNEL_STACK, KERNEL)).containsExactly(
                        "  ffffffff813d0af8 __clear_user+0xf8",
                        "  ffffffff8120c385 vfs_read+0x85",
                        "  ffffffffc0a01010 nft_do_chain+0x10 [nf_tables]");
    }

    @Test
    void userFramesAreResolvedInTheProcess() {
        long getpid = Pointer.nativeValue(NativeLibrary.getInstance("c").getFunction("getpid"));
        UserSymbols symbols = UserSymbols.forPid(ProcessHandle.current().pid());
        String hex = String.format("%016x", getpid + 1);
        assertThat(StackFormatter.standard().withAddresses().userFrames(new long[] {getpid + 1, 0x10, 0}, symbols))
                .containsExactly("    " + hex + " getpid", "    0000000000000010 [unknown]");
        assertThat(StackFormatter.standard().withOffsets().userFrames(new long[] {getpid + 1}, symbols))
                .containsExactly("    getpid+0x1 (libc.so.6)");
    }
}
