package io.bpf4j.tools.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSymbolsTest {
    @TempDir
    Path dir;

    @Test
    void resolvesLibcGetpidInThisJvm() {
        // dlsym's answer, independent of the maps + ELF path under test.
        long getpid = Pointer.nativeValue(NativeLibrary.getInstance("c").getFunction("getpid"));
        UserSymbols symbols = UserSymbols.forPid(ProcessHandle.current().pid());
        assertThat(symbols.format(getpid)).isEqualTo("getpid+0x0 (libc.so.6)");
        assertThat(symbols.format(getpid + 3)).isEqualTo("getpid+0x3 (libc.so.6)");
        assertThat(symbols.symbolName(getpid)).isEqualTo("getpid");
    }

    @Test
    void resolvesFunctionsOfAPieExecutableAndItsSharedLibrary() throws Exception {
        try (TestProgram program = TestProgram.start(dir, "symtest-pie", true)) {
            UserSymbols symbols = UserSymbols.forPid(program.pid());
            assertThat(symbols.format(program.targetFunction())).isEqualTo("target_function+0x0 (symtest-pie)");
            assertThat(symbols.format(program.targetFunction() + 2)).isEqualTo("target_function+0x2 (symtest-pie)");
            assertThat(symbols.format(program.libFunction())).isEqualTo("lib_function+0x0 (libsymtest.so)");
            assertThat(symbols.unreadableFiles()).isEmpty();
        }
    }

    @Test
    void resolvesFunctionsOfAFixedAddressExecutable() throws Exception {
        try (TestProgram program = TestProgram.start(dir, "symtest-exec", false)) {
            assertThat(program.targetFunction()).isLessThan(0x1_0000_0000L); // really linked at a fixed low address
            UserSymbols symbols = UserSymbols.forPid(program.pid());
            assertThat(symbols.format(program.targetFunction() + 1)).isEqualTo("target_function+0x1 (symtest-exec)");
        }
    }

    @Test
    void resolvesALibraryDeletedAfterTheProcessMappedIt() throws Exception {
        try (TestProgram program = TestProgram.start(dir, "symtest-deleted", true)) {
            Files.delete(dir.resolve("libsymtest.so")); // as when a package upgrade replaces a library
            UserSymbols symbols = UserSymbols.forPid(program.pid());
            if (isRoot()) {
                assertThat(symbols.format(program.libFunction())).isEqualTo("lib_function+0x0 (libsymtest.so)");
            } else {
                // /proc/PID/map_files, the only way back to a deleted file, needs CAP_SYS_ADMIN.
                assertThat(symbols.format(program.libFunction())).startsWith("[unknown] (libsymtest.so+0x");
                assertThat(symbols.unreadableFiles()).hasEntrySatisfying(
                        dir.resolve("libsymtest.so") + " (deleted)",
                        problem -> assertThat(problem).contains("map_files"));
            }
        }
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    @Test
    void sharesReadFilesThroughTheCache() throws Exception {
        SymbolFileCache cache = new SymbolFileCache();
        try (TestProgram first = TestProgram.start(dir, "symtest-a", true);
                TestProgram second = TestProgram.start(dir, "symtest-b", true)) {
            UserSymbols.forPid(first.pid(), cache).format(first.libFunction());
            int filesRead = cache.size();
            assertThat(UserSymbols.forPid(second.pid(), cache).format(second.libFunction()))
                    .isEqualTo("lib_function+0x0 (libsymtest.so)");
            assertThat(cache.size()).isEqualTo(filesRead);
        }
    }

    @Test
    void addressesOutsideMappedFilesAreUnknown() {
        UserSymbols symbols = UserSymbols.forPid(ProcessHandle.current().pid());
        assertThat(symbols.format(0x10)).isEqualTo("[unknown]");
        assertThat(symbols.symbolName(0x10)).isEqualTo("[unknown]");
    }

    @Test
    void aMissingProcessIsNamed() {
        assertThatThrownBy(() -> UserSymbols.forPid(Integer.MAX_VALUE))
                .isInstanceOf(BpfException.class)
                .hasMessageContaining("pid 2147483647 is not a running process");
    }
}
