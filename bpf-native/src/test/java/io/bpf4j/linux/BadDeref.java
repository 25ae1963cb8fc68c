package io.bpf4j.linux;

import io.bpf4j.BpfSkeleton;

/** Generates {@code BadDerefSkel} for the object the verifier rejects. */
@BpfSkeleton("/bad_deref.bpf.o")
final class BadDeref {
    private BadDeref() {}
}
