package io.bpf4j.tools.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMapsTest {
    @Test
    void parsesFileBackedAnonymousAndSpecialMappings() {
        List<MemoryMapping> maps = ProcessMaps.parse(String.join("\n",
                "55d0c6a00000-55d0c6a02000 r-xp 00002000 08:01 1234                       /usr/bin/my tool",
                "7f1c2a028000-7f1c2a1bd000 r-xp 00028000 fe:01 5678   /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f1c2a200000-7f1c2a300000 rw-p 00000000 00:00 0 ",
                "7ffd1e9f3000-7ffd1e9f5000 r-xp 00000000 00:00 0                          [vdso]",
                "7f00000000-7f00001000 r-xp 00001000 08:01 99 /tmp/old.so (deleted)",
                ""));
        assertThat(maps).hasSize(5);
        MemoryMapping tool = maps.get(0);
        assertThat(tool.path()).isEqualTo("/usr/bin/my tool");
        assertThat(tool.fileName()).isEqualTo("my tool");
        assertThat(tool.isExecutable()).isTrue();
        assertThat(tool.isFileBacked()).isTrue();
        assertThat(tool.fileOffsetOf(0x55d0c6a00010L)).isEqualTo(0x2010);
        MemoryMapping libc = maps.get(1);
        assertThat(libc).isEqualTo(new MemoryMapping(0x7f1c2a028000L, 0x7f1c2a1bd000L, "r-xp", 0x28000, "fe:01", 5678,
                "/usr/lib/x86_64-linux-gnu/libc.so.6"));
        assertThat(libc.contains(0x7f1c2a028000L)).isTrue();
        assertThat(libc.contains(0x7f1c2a1bd000L)).isFalse();
        assertThat(maps.get(2).path()).isEmpty();
        assertThat(maps.get(2).isFileBacked()).isFalse();
        assertThat(maps.get(3).isFileBacked()).isFalse();
        assertThat(maps.get(4).fileName()).isEqualTo("old.so");
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> ProcessMaps.parse("hello world\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /proc/PID/maps line: 'hello world'");
    }

    @Test
    void aMissingProcessIsNamed() {
        assertThatThrownBy(() -> ProcessMaps.read(Integer.MAX_VALUE))
                .isInstanceOf(BpfException.class)
                .hasMessage("reading /proc/2147483647/maps failed: ESRCH (No such process); pid 2147483647 is not"
                        + " a running process");
    }
}
