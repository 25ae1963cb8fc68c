package io.bpf4j.linux;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A veth pair for packet tests: {@link #hostSide} in this (root) network namespace, where programs
 * attach, and its peer in a network namespace of its own, from which {@link #sendUdpToHost()} sends
 * packets in. Closing deletes the namespace, which deletes both ends.
 */
final class VethPair implements AutoCloseable {
    final String namespace;
    final String hostSide;
    final String peerSide;
    final String hostAddress;

    private VethPair(String namespace, String hostSide, String peerSide, String hostAddress) {
        this.namespace = namespace;
        this.hostSide = hostSide;
        this.peerSide = peerSide;
        this.hostAddress = hostAddress;
    }

    static VethPair create() {
        int n = ThreadLocalRandom.current().nextInt(1, 250);
        String id = (ProcessHandle.current().pid() % 10000) + "x" + n;
        VethPair pair = new VethPair("bpf4j-" + id, "b4h" + id, "b4p" + id, "10.213." + n + ".1");
        Commands.run("ip", "netns", "add", pair.namespace);
        try {
            Commands.run("ip", "link", "add", pair.hostSide, "type", "veth", "peer", "name", pair.peerSide,
                    "netns", pair.namespace);
            Commands.run("ip", "addr", "add", pair.hostAddress + "/24", "dev", pair.hostSide);
            Commands.run("ip", "link", "set", pair.hostSide, "up");
            Commands.run("ip", "-n", pair.namespace, "addr", "add", "10.213." + n + ".2/24", "dev", pair.peerSide);
            Commands.run("ip", "-n", pair.namespace, "link", "set", pair.peerSide, "up");
            Commands.run("ip", "-n", pair.namespace, "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /** The host side's interface index. */
    int hostIndex() {
        try {
            return NetworkInterface.getByName(hostSide).getIndex();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a few UDP datagrams from the namespace to the host side (plus the ARP they need). */
    void sendUdpToHost() {
        Commands.run("ip", "netns", "exec", namespace, "bash", "-c",
                "for i in 1 2 3; do echo bpf4j > /dev/udp/" + hostAddress + "/9; done");
    }

    /** {@code ip link show} of the host side, which lists an attached XDP program. */
    String hostLink() {
        return Commands.run("ip", "link", "show", "dev", hostSide);
    }

    @Override
    public void close() {
        // Deleting the namespace deletes the peer, and with it the host side of the pair.
        Commands.tryRun("ip", "link", "del", hostSide);
        Commands.run("ip", "netns", "del", namespace);
    }
}
