package io.bpf4j.linux;

import io.bpf4j.program.AttachTarget;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;

/**
 * The child process of {@link ProcessDeathTest}: attaches an XDP link and a tcx link to the
 * interface named by its argument, says "attached" on stdout, and waits to be killed.
 */
public final class AttachThenWait {
    private AttachThenWait() {}

    public static void main(String[] args) throws InterruptedException {
        int ifindex = Integer.parseInt(args[0]);
        OpenObject open = new NativeKernel().openObject("attach_kinds", Fixtures.object(AttachFixture.OBJECT));
        LoadedObject loaded = open.load();
        loaded.attach("count_xdp", new AttachTarget.Xdp(ifindex, AttachTarget.XdpMode.GENERIC, false));
        loaded.attach("count_tcx", new AttachTarget.Tcx(ifindex, AttachTarget.Direction.INGRESS));
        System.out.println("attached");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
