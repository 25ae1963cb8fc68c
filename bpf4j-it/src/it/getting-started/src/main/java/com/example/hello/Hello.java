package com.example.hello;

import io.bpf4j.BpfSkeleton;
import io.bpf4j.Kernel;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints every program started on the machine for a few seconds, then the count per user.
 * {@code @BpfSkeleton} makes javac generate {@code HelloSkel} from {@code hello.bpf.o}.
 */
@BpfSkeleton("hello.bpf.o")
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        Instant end = Instant.now().plus(duration);
        try (ExecTracer tracer = ExecTracer.start(Kernel.system())) {
            while (Instant.now().isBefore(end)) {
                tracer.poll(Duration.ofMillis(100), System.out::println);
            }
            tracer.execsByUser().forEach((uid, count) -> System.out.println("uid " + uid + ": " + count));
        }
    }
}
