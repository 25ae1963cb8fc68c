package io.bpf4j.btf;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The decoded types of a {@code .BTF} section. Immutable; every type id inside has been checked to
 * name an existing type, and no type contains itself, so sizes and alignments are always finite.
 * Every walk over the types ends within {@link #MAX_DEPTH} steps, as that constant describes.
 */
public final class Btf {
    /**
     * The longest chain of type references {@link #parse} accepts, counted in types: 256.
     *
     * <p>A chain follows any reference a type holds — what a typedef, qualifier, pointer, array,
     * variable, function or tag names, the members of structs and unions, the return and parameter
     * types of prototypes, the variables of data sections — except that a pointer or a function
     * prototype naming a named struct or union, or a forward declaration (directly or through
     * typedefs and qualifiers), ends it: that is where C allows an incomplete type, and so where
     * every cycle of C types passes ({@code struct list_head { struct list_head *next; }}).
     * {@code parse} rejects BTF where such a chain forms a cycle or holds more than
     * {@code MAX_DEPTH} types, naming the type it starts at.
     *
     * <p>So a recursive walk that treats a pointer's or prototype's reference to a named struct or
     * union as a leaf (as a C declaration does: {@code struct foo *}) never recurses more than
     * {@code MAX_DEPTH} levels, and a walk that follows structs by value — sizes, nested records —
     * never more either. The deepest chain of the running kernel's BTF (126,700 types) is 36
     * types long, of Debian's libbpf-tools objects 19, so 256 rejects nothing a compiler writes
     * while keeping every such recursion a few hundred frames deep.
     */
    public static final int MAX_DEPTH = 256;

    private final List<BtfType> types;
    private final int[] containmentOrder;
    private final BtfLayout layout;
    private final Map<String, BtfType.DataSec> dataSecs = new HashMap<>();

    private Btf(List<BtfType> types, int[] containmentOrder) {
        this.types = List.copyOf(types);
        this.containmentOrder = containmentOrder;
        this.layout = new BtfLayout(this.types, containmentOrder);
        for (BtfType type : this.types) {
            if (type instanceof BtfType.DataSec dataSec) {
                dataSecs.putIfAbsent(dataSec.name(), dataSec);
            }
        }
    }

    /**
     * Decodes the BTF blob between {@code btfSection}'s position and limit (the buffer itself is
     * not modified).
     *
     * @throws BtfFormatException when the header, a type record or a string lies outside the data,
     *     a kind is unknown, a type id is out of range, a type contains itself, or a chain of
     *     references forms a cycle C cannot write or is longer than {@link #MAX_DEPTH}
     */
    public static Btf parse(ByteBuffer btfSection) throws BtfFormatException {
        ByteBuffer blob = btfSection.slice().order(ByteOrder.LITTLE_ENDIAN);
        BtfHeader header = BtfHeader.read(blob);
        BtfStrings strings = new BtfStrings(slice(blob, header.stringStart(), header.stringLength()));
        List<BtfType> types = BtfTypeDecoder.decode(slice(blob, header.typeStart(), header.typeLength()), strings);
        return new Btf(types, BtfTypeGraph.validate(types));
    }

    private static ByteBuffer slice(ByteBuffer blob, int start, int length) {
        return blob.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Every type; index {@code i} holds the type with id {@code i}, and index 0 is {@code void}. */
    public List<BtfType> types() {
        return types;
    }

    /**
     * The type with id {@code id}.
     *
     * @throws IllegalArgumentException naming the id when there is no such type
     */
    public BtfType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new IllegalArgumentException("BTF type " + id + " is out of range (the last type is "
                    + (types.size() - 1) + ")");
        }
        return types.get(id);
    }

    /**
     * The type {@code id} names once typedefs and qualifiers ({@code const}, {@code volatile},
     * {@code restrict}, type tags) are skipped.
     *
     * @throws IllegalArgumentException naming the id when there is no such type
     */
    public BtfType resolve(int id) {
        type(id);
        return types.get(layout.resolve(id));
    }

    /**
     * Size in bytes of type {@code id}: the declared size of structs, unions, integers, enums,
     * floats and data sections; 8 for pointers; length × element size for arrays; the size of the
     * named type for typedefs, qualifiers and variables.
     *
     * @throws IllegalArgumentException when the id is out of range, the type has no size (void,
     *     forward declarations, functions) or the size overflows
     */
    public long sizeOf(int id) {
        type(id);
        return layout.sizeOf(id);
    }

    /**
     * Alignment in bytes of type {@code id} on the BPF target: scalars are aligned to their size
     * (at most 8), pointers to 8, arrays, typedefs and qualifiers like what they wrap, structs and
     * unions to their largest member, or to 1 when their layout shows they are packed.
     *
     * @throws IllegalArgumentException when the id is out of range or the type has no alignment
     */
    public int alignOf(int id) {
        type(id);
        return layout.alignOf(id);
    }

    /** The first type of {@code kind} called {@code name}. */
    public Optional<BtfType> find(BtfKind kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return types.stream().filter(type -> type.kind() == kind && type.name().equals(name)).findFirst();
    }

    /** The first struct called {@code name}. */
    public Optional<BtfType.Composite> findStruct(String name) {
        return find(BtfKind.STRUCT, name).map(BtfType.Composite.class::cast);
    }

    /** The data section called {@code name}, such as {@code .rodata} or {@code .maps}. */
    public Optional<BtfType.DataSec> dataSec(String name) {
        return Optional.ofNullable(dataSecs.get(name));
    }

    /**
     * A copy of this BTF with data sections replaced: each replacement takes the place of the
     * data section with the same id. Used to apply the sizes and offsets that only the ELF file
     * knows (clang leaves them 0).
     *
     * @throws IllegalArgumentException when a replacement's id does not name a data section of
     *     the same name, or a variable entry does not name an existing type
     */
    public Btf withDataSecs(List<BtfType.DataSec> replacements) {
        List<BtfType> copy = new ArrayList<>(types);
        for (BtfType.DataSec replacement : replacements) {
            BtfType current = type(replacement.id());
            if (!(current instanceof BtfType.DataSec) || !current.name().equals(replacement.name())) {
                throw new IllegalArgumentException("BTF type " + current.describe()
                        + " cannot be replaced by data section '" + Printable.escape(replacement.name()) + "'");
            }
            for (BtfType.VarSecInfo info : replacement.vars()) {
                type(info.typeId());
            }
            copy.set(replacement.id(), replacement);
        }
        // Data sections contain nothing by value, so the containment order stays valid.
        return new Btf(copy, containmentOrder);
    }

    /** Two BTFs are equal when they hold equal types. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Btf btf && types.equals(btf.types);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    @Override
    public String toString() {
        return "Btf[" + (types.size() - 1) + " types]";
    }
}
