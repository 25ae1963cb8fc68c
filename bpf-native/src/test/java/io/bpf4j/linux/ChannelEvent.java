package io.bpf4j.linux;

import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;

/** {@code struct event} of event_channels.bpf.c: which getpid call, by which process, through which channel. */
record ChannelEvent(long seq, int tgid, int channel) {
    static final int PERF = 1;
    static final int SIGNALLED_RING = 2;
    static final int QUIET_RING = 3;

    static final Codec<ChannelEvent> CODEC = new Codec<>() {
        @Override
        public int size() {
            return 16;
        }

        @Override
        public ChannelEvent decode(ByteBuffer buffer, int offset) {
            return new ChannelEvent(buffer.getLong(offset), buffer.getInt(offset + 8), buffer.getInt(offset + 12));
        }

        @Override
        public void encode(ChannelEvent value, ByteBuffer buffer, int offset) {
            buffer.putLong(offset, value.seq()).putInt(offset + 8, value.tgid()).putInt(offset + 12, value.channel());
        }
    };
}
