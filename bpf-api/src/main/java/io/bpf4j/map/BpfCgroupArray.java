package io.bpf4j.map;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A cgroup array ({@code BPF_MAP_TYPE_CGROUP_ARRAY}): cgroups that programs test membership of
 * with {@code bpf_current_task_under_cgroup} or {@code bpf_skb_under_cgroup}. Slots cannot be read
 * back from user space.
 */
public final class BpfCgroupArray extends BpfFdArray {
    /** Types a raw cgroup array. */
    public BpfCgroupArray(RawMap map) {
        super(map);
    }

    /**
     * Stores the cgroup-v2 cgroup whose directory is {@code cgroupDirectory} (e.g. under {@code /sys/fs/cgroup}).
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}
     */
    public void set(int index, Path cgroupDirectory) {
        checkIndex("set", index);
        raw.setCgroup(index, Objects.requireNonNull(cgroupDirectory, "cgroupDirectory").toString());
    }
}
