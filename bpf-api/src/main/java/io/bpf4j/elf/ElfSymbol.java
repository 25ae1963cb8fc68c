package io.bpf4j.elf;

/**
 * One entry of the symbol table.
 *
 * @param name the symbol's name ("" when it has none)
 * @param value {@code st_value}: in a relocatable object, the offset inside its section
 * @param size {@code st_size}: size of the object or function in bytes
 * @param type the {@code STT_*} type from {@code st_info}
 * @param binding the {@code STB_*} binding from {@code st_info}
 * @param sectionIndex {@code st_shndx}: the section it is defined in, or a special index such as
 *     {@link #SHN_UNDEF} or {@link #SHN_ABS}
 */
public record ElfSymbol(String name, long value, long size, int type, int binding, int sectionIndex) {
    /** Symbol type not specified (also used for undefined externs). */
    public static final int STT_NOTYPE = 0;
    /** A data object: a variable or map definition. */
    public static final int STT_OBJECT = 1;
    /** A function: a BPF program or subprogram. */
    public static final int STT_FUNC = 2;
    /** Names a section. */
    public static final int STT_SECTION = 3;
    /** Names the source file. */
    public static final int STT_FILE = 4;

    /** Visible only inside the object ({@code static}). */
    public static final int STB_LOCAL = 0;
    /** Visible to other objects. */
    public static final int STB_GLOBAL = 1;
    /** Global, but may be overridden ({@code __weak}). */
    public static final int STB_WEAK = 2;

    /** Not defined in this object (an extern). */
    public static final int SHN_UNDEF = 0;
    /** An absolute value, not relative to any section. */
    public static final int SHN_ABS = 0xfff1;
    /** A common block not yet allocated. */
    public static final int SHN_COMMON = 0xfff2;

    /** A function symbol. */
    public boolean isFunction() {
        return type == STT_FUNC;
    }

    /** A data object symbol. */
    public boolean isObject() {
        return type == STT_OBJECT;
    }

    /** Has global binding (strong, not weak). */
    public boolean isGlobal() {
        return binding == STB_GLOBAL;
    }

    /** Has weak binding. */
    public boolean isWeak() {
        return binding == STB_WEAK;
    }
}
