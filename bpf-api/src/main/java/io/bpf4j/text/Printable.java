package io.bpf4j.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Makes text taken from a BPF object or from the kernel safe to show on a terminal or write to a
 * log: names in objects, process names and file names are chosen by whoever built the object or
 * ran the process, and may hold newlines (forged rows), escape sequences (a terminal under their
 * control) or invisible characters.
 *
 * <p>The rule, the same everywhere: printable characters are kept; a backslash becomes
 * {@code \\}; a control character (C0, DEL, C1), a Unicode format character (bidirectional
 * overrides, zero-width characters), a line or paragraph separator, an unpaired surrogate or an
 * unassigned code point becomes {@code \xNN} below U+0100 and {@code &#92;u{XXXX}} above; bytes that
 * are not valid UTF-8 become {@code \xNN}. The result holds printable characters only, and
 * is unambiguous: a backslash in it always starts an escape.
 */
public final class Printable {
    private Printable() {}

    /** {@code text} with every character that is not printable escaped; null becomes {@code "null"}. */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        if (isClean(text)) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(text, out);
        return out.toString();
    }

    /**
     * {@code length} bytes at {@code offset} of {@code bytes}, read as UTF-8, with every byte that is
     * not part of a valid sequence of printable characters escaped as {@code \xNN}.
     */
    public static String escapeUtf8(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || length > bytes.length - offset) {
            throw new IndexOutOfBoundsException("bytes " + offset + "+" + length + " of " + bytes.length);
        }
        if (length == 0) {
            return ""; // the decoder below must see input before it may be flushed
        }
        StringBuilder out = new StringBuilder(length + 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer chars = CharBuffer.allocate(Math.max(16, length));
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            appendEscaped(chars, out);
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    appendByte(in.get() & 0xff, out);
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        decoder.flush(chars);
        chars.flip();
        appendEscaped(chars, out);
        return out.toString();
    }

    /** {@link #escapeUtf8(byte[], int, int)} of the whole array. */
    public static String escapeUtf8(byte[] bytes) {
        return escapeUtf8(bytes, 0, bytes.length);
    }

    /** Whether {@code text} is shown as it is: {@link #escape} would return it unchanged. */
    public static boolean isClean(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (codePoint == '\\' || !printable(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    private static void appendEscaped(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            i += Character.charCount(codePoint);
            if (codePoint == '\\') {
                out.append("\\\\");
            } else if (printable(codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (codePoint < 0x100) {
                appendByte(codePoint, out);
            } else {
                out.append("\\u{").append(Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT)).append('}');
            }
        }
    }

    private static void appendByte(int value, StringBuilder out) {
        out.append("\\x").append(Character.forDigit(value >>> 4, 16)).append(Character.forDigit(value & 0xf, 16));
    }

    private static boolean printable(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return true; // the common case, first
        }
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.UNASSIGNED, Character.PRIVATE_USE, Character.CONTROL -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
