package io.bpf4j.tools.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Turns the frames of a stack-trace map entry — the instruction pointers, innermost first, ended
 * by the first 0 or the end of the array — into printable lines, as BCC's profile and
 * offcputime print them: {@code "    __clear_user"}, or with addresses
 * {@code "    ffffffff813d0af8 __clear_user"}. Immutable and thread-safe.
 */
public final class StackFormatter {
    private final String indent;
    private final boolean addresses;
    private final boolean offsets;

    private StackFormatter(String indent, boolean addresses, boolean offsets) {
        this.indent = indent;
        this.addresses = addresses;
        this.offsets = offsets;
    }

    /** Four spaces of indentation, function names only (BCC's default). */
    public static StackFormatter standard() {
        return new StackFormatter("    ", false, false);
    }

    /** The same, with each frame's address as 16 hex digits before the symbol (BCC's {@code -a}). */
    public StackFormatter withAddresses() {
        return new StackFormatter(indent, true, offsets);
    }

    /** The same, with {@code +0xoffset} and the module or library after each function. */
    public StackFormatter withOffsets() {
        return new StackFormatter(indent, addresses, true);
    }

    /** The same, with another indentation. */
    public StackFormatter withIndent(String newIndent) {
        return new StackFormatter(Objects.requireNonNull(newIndent, "newIndent"), addresses, offsets);
    }

    /** One line per kernel frame of {@code ips}. */
    public List<String> kernelFrames(long[] ips, KernelSymbols symbols) {
        return frames(ips, offsets ? symbols::format : symbols::symbolName);
    }

    /** One line per user-space frame of {@code ips}, resolved in {@code symbols}' process. */
    public List<String> userFrames(long[] ips, UserSymbols symbols) {
        return frames(ips, offsets ? symbols::format : symbols::symbolName);
    }

    private List<String> frames(long[] ips, LongFunction<String> symbolizer) {
        List<String> lines = new ArrayList<>();
        for (long ip : ips) {
            if (ip == 0) {
                break; // the kernel zero-fills the slots after the outermost frame
            }
            StringBuilder line = new StringBuilder(indent);
            if (addresses) {
                String hex = Long.toHexString(ip);
                line.append("0".repeat(16 - hex.length())).append(hex).append(' ');
            }
            lines.add(line.append(symbolizer.apply(ip)).toString());
        }
        return lines;
    }
}
