package io.bpf4j.processor;

/**
 * The limits the generator checks before it writes any code, so that an object too big for a
 * class file is one error naming the type and the limit, not a source that javac rejects (after
 * minutes and gigabytes) with {@code too many constants} or {@code code too large}.
 *
 * <p>The class file allows 65,535 constant-pool entries per class, 65,535 bytes of bytecode per
 * method, 255 parameter slots per method and 65,535 bytes per UTF-8 constant. What one generated
 * member costs was measured (javac 17 and 25): a view member takes up to about eight pool entries
 * (its name, its offset, the range-check message, a child view's field and type), an enum
 * constant about 20 bytes of its static initialiser and a map or program about 40 bytes of its
 * class's constructor. Each limit below leaves at least half of the class file's room, and is
 * far above what C programs declare (kernel structs have a few hundred members, kernel enums a few
 * hundred values).
 */
final class ClassFileLimits {
    /** Members of one struct or union: its record, codec and view each hold one accessor or more per member. */
    static final int MAX_MEMBERS = 4096;
    /** Values of one enum: each is a constant its static initialiser creates. */
    static final int MAX_ENUM_CONSTANTS = 2048;
    /** Records and enums of one skeleton: each is a class the skeleton's constant pool names. */
    static final int MAX_TYPES = 4096;
    /** Maps of one object: each is a field of {@code Maps} made in its constructor. */
    static final int MAX_MAPS = 1024;
    /** Programs of one object: each is a constant of {@code Program} and a field of {@code Programs}. */
    static final int MAX_PROGRAMS = 1024;
    /** Data sections with variables: each is two nested classes, a field and an accessor of the skeleton. */
    static final int MAX_DATA_SECTIONS = 1024;
    /** Global variables of one data section: each is a getter, a setter and maybe a view. */
    static final int MAX_VARIABLES = 4096;

    private ClassFileLimits() {}

    /**
     * Checks a count against its limit.
     *
     * @param what what is counted, e.g. {@code members}
     * @param where what has them, e.g. {@code p/x.bpf.o: struct event}
     * @throws GenerationException when {@code count > limit}
     */
    static void check(int count, int limit, String what, String where) throws GenerationException {
        if (count > limit) {
            throw new GenerationException(where + " has " + count + " " + what + "; a skeleton takes at most "
                    + limit + " (each becomes generated code, and a Java class file has room for only so many)");
        }
    }
}
