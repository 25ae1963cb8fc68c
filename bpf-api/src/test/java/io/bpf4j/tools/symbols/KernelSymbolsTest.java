package io.bpf4j.tools.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfPermissionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelSymbolsTest {
    // Out of order, with aliases at one address and module symbols, as /proc/kallsyms lists them.
    private static final String KALLSYMS = String.join("\n",
            "ffffffffc0201000 t ftrace_trampoline\t[__builtin__ftrace]",
            "ffffffff81000000 T _stext",
            "ffffffff81379cb0 T __pfx___x64_sys_getpid",
            "ffffffff81379cc0 t __do_sys_getpid",
            "ffffffff81379cc0 T __ia32_sys_getpid",
            "ffffffff81379cc0 T __x64_sys_getpid",
            "ffffffff81379d00 T __x64_sys_getppid",
            "ffffffffc0a01000 t nft_do_chain\t[nf_tables]",
            "");

    private final KernelSymbols symbols = KernelSymbols.parse(KALLSYMS, "fixture");

    @Test
    void resolvesAnAddressToTheClosestSymbolBelowIt() {
        assertThat(symbols.size()).isEqualTo(8);
        assertThat(symbols.format(0xffffffff81379cc0L)).isEqualTo("__x64_sys_getpid+0x0");
        assertThat(symbols.format(0xffffffff81379ccaL)).isEqualTo("__x64_sys_getpid+0xa");
        assertThat(symbols.format(0xffffffff81379cb4L)).isEqualTo("__pfx___x64_sys_getpid+0x4");
        assertThat(symbols.symbolName(0xffffffff81379d01L)).isEqualTo("__x64_sys_getppid");
    }

    @Test
    void namesTheModuleOfModuleCode() {
        assertThat(symbols.format(0xffffffffc0a0109aL)).isEqualTo("nft_do_chain+0x9a [nf_tables]");
        int index = symbols.indexOf(0xffffffffc0201010L);
        assertThat(symbols.name(index)).isEqualTo("ftrace_trampoline");
        assertThat(symbols.module(index)).contains("__builtin__ftrace");
        assertThat(symbols.module(symbols.indexOf(0xffffffff81000000L))).isEmpty();
    }

    @Test
    void addressesBelowEverySymbolAreUnknown() {
        assertThat(symbols.format(0x1000)).isEqualTo("[unknown]");
        assertThat(symbols.indexOf(0xffffffff80ffffffL)).isEqualTo(-1);
    }

    @Test
    void findsAddressesByName() {
        assertThat(symbols.addressOf("__x64_sys_getppid")).hasValue(0xffffffff81379d00L);
        assertThat(symbols.addressOf("no_such_symbol")).isEmpty();
    }

    @Test
    void zeroAddressesExplainKptrRestrict() {
        String hidden = "0000000000000000 T _stext\n0000000000000000 T __x64_sys_getpid\n";
        assertThatThrownBy(() -> KernelSymbols.parse(hidden, "/proc/kallsyms"))
                .isInstanceOf(BpfPermissionException.class)
                .hasMessageStartingWith("reading kernel symbols from /proc/kallsyms failed: needs CAP_SYSLOG to see"
                        + " kernel addresses: every address in /proc/kallsyms is 0 (kernel.kptr_restrict is ")
                .hasMessageContaining(", kernel.perf_event_paranoid is ")
                .hasMessageEndingWith("kptr_restrict=2 hides them from everyone); run as root or with CAP_SYSLOG");
    }

    @Test
    void malformedLinesNameTheLine() {
        assertThatThrownBy(() -> KernelSymbols.parse("ffffffff81000000 T _stext\nxyz T foo\n", "fixture"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixture line 2: the address is not hexadecimal: 'xyz T foo'");
        assertThatThrownBy(() -> KernelSymbols.parse("ffffffff81000000\n", "fixture"))
                .hasMessageStartingWith("fixture line 1: expected '<hex address> <type> <name> [module]'");
    }

    /**
     * Reads this machine's /proc/kallsyms. Not a BPF test, so no {@code @RequiresKernel} (which bpf-api
     * cannot depend on): whether addresses are visible is decided from the file itself, and either
     * outcome is asserted.
     */
    @Test
    void resolvesTheRunningKernelsGetpidSyscallBackToItself() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/kallsyms"));
        String getpid = lines.stream().filter(line -> line.endsWith(" __x64_sys_getpid")).findFirst().orElseThrow();
        long address = Long.parseUnsignedLong(getpid.substring(0, getpid.indexOf(' ')), 16);
        if (address == 0) {
            assertThatThrownBy(KernelSymbols::load).isInstanceOf(BpfPermissionException.class)
                    .hasMessageContaining("kernel.kptr_restrict is");
            return;
        }
        KernelSymbols kernel = KernelSymbols.load();
        assertThat(kernel.size()).isGreaterThan(lines.size() / 2);
        assertThat(kernel.format(address)).isEqualTo("__x64_sys_getpid+0x0");
        assertThat(kernel.format(address + 4)).isEqualTo("__x64_sys_getpid+0x4");
    }
}
