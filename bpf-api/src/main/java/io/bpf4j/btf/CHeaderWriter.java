package io.bpf4j.btf;

import java.io.IOException;
import java.util.Objects;

/**
 * Writes the C declarations of every type of a {@link Btf} as a header that compiles: what
 * {@code bpftool btf dump file /sys/kernel/btf/vmlinux format c} writes as {@code vmlinux.h}.
 *
 * <p>The header defines every struct, union, enum and typedef with its exact layout (bitfields,
 * explicit padding, {@code __attribute__((packed))}), in an order where everything used by value
 * is defined first and types used only through pointers are forward-declared. Types that share a
 * name get {@code ___2}, {@code ___3}, ... suffixes, as bpftool gives them. Every struct and union
 * is declared with {@code preserve_access_index}, so a CO-RE program that includes the header
 * has its field accesses relocated at load time (define {@code BPF_NO_PRESERVE_ACCESS_INDEX} to
 * turn that off). Functions, variables and data sections declare no type and are left out.
 * The writer is meant for BTF from the kernel or clang: it follows nested types recursively, so
 * a hostile type graph nested thousands of levels deep can exhaust the stack.
 *
 * <pre>{@code
 * Btf kernel = Btf.parse(ByteBuffer.wrap(Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux"))));
 * new CHeaderWriter(kernel).write(writer);
 * }</pre>
 */
public final class CHeaderWriter {
    /** The include guard of {@code vmlinux.h}, the one bpftool writes. */
    public static final String VMLINUX_GUARD = "__VMLINUX_H__";

    private static final byte NOT_WRITTEN = 0;
    private static final byte WRITING = 1;
    private static final byte WRITTEN = 2;
    // The compiler declares this typedef itself; a second declaration would clash with it.
    private static final String BUILTIN_VA_LIST = "__builtin_va_list";

    private final Btf btf;
    private final String guard;

    /** A writer of {@code btf} with the {@code vmlinux.h} include guard. */
    public CHeaderWriter(Btf btf) {
        this(btf, VMLINUX_GUARD);
    }

    /**
     * A writer of {@code btf} with include guard {@code guard}.
     *
     * @throws IllegalArgumentException when the guard is not a C identifier
     */
    public CHeaderWriter(Btf btf, String guard) {
        this.btf = Objects.requireNonNull(btf, "btf");
        this.guard = Objects.requireNonNull(guard, "guard");
        if (!guard.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("include guard '" + guard + "' is not a C identifier");
        }
    }

    /**
     * Writes the header to {@code out}.
     *
     * @throws IOException when {@code out} fails
     * @throws IllegalArgumentException naming the type when the BTF cannot be written as C: types
     *     that contain each other by value, or a struct member without a size
     */
    public void write(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.append("#ifndef ").append(guard).append('\n')
                .append("#define ").append(guard).append("\n\n")
                .append("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n")
                .append("#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n")
                .append("#endif\n\n");
        new Definitions(out).writeAll();
        out.append("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n")
                .append("#pragma clang attribute pop\n")
                .append("#endif\n\n")
                .append("#endif /* ").append(guard).append(" */\n");
    }

    /** The header as a string. */
    public String header() {
        StringBuilder text = new StringBuilder();
        try {
            write(text);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not throw IOException", e);
        }
        return text.toString();
    }

    /**
     * One pass over the types, writing each top-level definition once. A type is in the
     * {@code WRITING} state while the types it needs are being written; meeting it again then
     * means a pointer cycle, which a forward declaration (or the typedef itself) resolves.
     */
    private final class Definitions {
        private final Appendable out;
        private final CDeclarations declarations;
        private final CDeclarationOrder order;
        private final byte[] state;
        private final boolean[] forwardWritten;

        Definitions(Appendable out) {
            this.out = out;
            this.declarations = CDeclarations.forHeader(btf, new CNames(btf));
            this.order = new CDeclarationOrder(btf);
            this.state = new byte[btf.types().size()];
            this.state[0] = WRITTEN;
            this.forwardWritten = new boolean[btf.types().size()];
        }

        void writeAll() throws IOException {
            for (int id = 1; id < btf.types().size(); id++) {
                for (int definition : order.definitionsFor(id)) {
                    write(definition, 0);
                }
            }
        }

        /**
         * Makes sure type {@code id} can be used; {@code container} is the top-level type whose
         * definition uses it, or 0 when {@code id} is itself to be defined at the top level.
         */
        private void write(int id, int container) throws IOException {
            if (state[id] == WRITTEN) {
                return;
            }
            BtfType type = btf.type(id);
            if (state[id] == WRITING) {
                writeForwardInCycle(type, container);
                return;
            }
            if (type instanceof BtfType.Int || type instanceof BtfType.Float) {
                state[id] = WRITTEN;
            } else if (type instanceof BtfType.Enum) {
                if (container == 0) {
                    statement(declarations.enumDefinition(id, 0));
                }
                state[id] = WRITTEN;
            } else if (type instanceof BtfType.Ptr ptr) {
                write(ptr.targetId(), container);
            } else if (type instanceof BtfType.Qualifier qualifier) {
                write(qualifier.typeId(), container);
            } else if (type instanceof BtfType.Array array) {
                write(array.elementTypeId(), container);
            } else if (type instanceof BtfType.Fwd) {
                statement(declarations.forwardDeclaration(id));
                state[id] = WRITTEN;
            } else if (type instanceof BtfType.Typedef typedef) {
                state[id] = WRITING;
                write(typedef.typeId(), id);
                // Unless a pointer cycle wrote it meanwhile, the typedef is defined now.
                if (!forwardWritten[id] && !isBuiltin(typedef)) {
                    statement(declarations.typedefDefinition(id));
                }
                state[id] = WRITTEN;
            } else if (type instanceof BtfType.Composite composite) {
                writeComposite(composite, container);
            } else if (type instanceof BtfType.FuncProto proto) {
                write(proto.returnTypeId(), container);
                for (BtfType.Param param : proto.params()) {
                    write(param.typeId(), container);
                }
            }
        }

        private void writeComposite(BtfType.Composite composite, int container) throws IOException {
            int id = composite.id();
            boolean anonymous = composite.name().isEmpty();
            state[id] = WRITING;
            if (container == 0 || anonymous) {
                // The members' types appear in full in this definition: make them usable first.
                int memberContainer = anonymous ? container : id;
                for (BtfType.Member member : composite.members()) {
                    write(member.typeId(), memberContainer);
                }
            } else if (!forwardWritten[id] && id != container) {
                statement(declarations.forwardDeclaration(id));
                forwardWritten[id] = true;
            }
            if (container == 0) {
                statement(declarations.compositeDefinition(id, 0));
                state[id] = WRITTEN;
            } else {
                state[id] = NOT_WRITTEN; // defined later, at the top level
            }
        }

        /** A type met again while its own definition is being prepared: a pointer cycle. */
        private void writeForwardInCycle(BtfType type, int container) throws IOException {
            int id = type.id();
            if (forwardWritten[id]) {
                return;
            }
            if (type instanceof BtfType.Composite) {
                if (id == container || type.name().isEmpty()) {
                    return; // a struct may point to itself; an anonymous one cannot be declared ahead
                }
                statement(declarations.forwardDeclaration(id));
                forwardWritten[id] = true;
            } else if (type instanceof BtfType.Typedef typedef) {
                // Reached through a pointer: the typedef can be written before its target is complete.
                if (!isBuiltin(typedef)) {
                    statement(declarations.typedefDefinition(id));
                }
                forwardWritten[id] = true;
            }
        }

        private void statement(String text) throws IOException {
            out.append(text).append(";\n\n");
        }

    }

    /** Whether {@code typedef} is one the compiler declares itself, and must not be written. */
    static boolean isBuiltin(BtfType.Typedef typedef) {
        return typedef.name().equals(BUILTIN_VA_LIST);
    }
}
