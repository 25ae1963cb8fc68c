package io.bpf4j.processor;

import java.util.List;

/**
 * The simple names a skeleton refers to without owning them: every {@code java.lang} type (in
 * scope without an import, in any JDK from 17 on), the types the generated code imports, and
 * the skeleton's own nested types. A C type is never given one of them ({@code struct Integer}
 * becomes {@code IntegerStruct}), so the generated code means what it says.
 *
 * <p>This is the first of two defences: JavaPoet also writes the qualified name of any type whose
 * simple name is taken in scope, so a name missing here costs readability, not correctness (a
 * test compiles an object with a type of every {@code java.lang} name of the running JDK).
 */
final class ReferencedNames {
    /** {@code java.lang}'s public types, JDK 17 to 25. */
    static final List<String> JAVA_LANG = List.of(
            "AbstractMethodError", "Appendable", "ArithmeticException", "ArrayIndexOutOfBoundsException",
            "ArrayStoreException", "AssertionError", "AutoCloseable", "Boolean", "BootstrapMethodError", "Byte",
            "CharSequence", "Character", "Class", "ClassCastException", "ClassCircularityError", "ClassFormatError",
            "ClassLoader", "ClassNotFoundException", "ClassValue", "CloneNotSupportedException", "Cloneable",
            "Comparable", "Compiler", "Deprecated", "Double", "Enum", "EnumConstantNotPresentException", "Error",
            "Exception", "ExceptionInInitializerError", "Float", "FunctionalInterface", "IO", "IllegalAccessError",
            "IllegalAccessException", "IllegalArgumentException", "IllegalCallerException",
            "IllegalMonitorStateException", "IllegalStateException", "IllegalThreadStateException",
            "IncompatibleClassChangeError", "IndexOutOfBoundsException", "InheritableThreadLocal",
            "InstantiationError", "InstantiationException", "Integer", "InternalError", "InterruptedException",
            "Iterable", "LayerInstantiationException", "LinkageError", "Long", "MatchException", "Math", "Module",
            "ModuleLayer", "NegativeArraySizeException", "NoClassDefFoundError", "NoSuchFieldError",
            "NoSuchFieldException", "NoSuchMethodError", "NoSuchMethodException", "NullPointerException", "Number",
            "NumberFormatException", "Object", "OutOfMemoryError", "Override", "Package", "Process",
            "ProcessBuilder", "ProcessHandle", "Readable", "Record", "ReflectiveOperationException", "Runnable",
            "Runtime", "RuntimeException", "RuntimePermission", "SafeVarargs", "ScopedValue", "SecurityException",
            "SecurityManager", "Short", "StableValue", "StackOverflowError", "StackTraceElement", "StackWalker",
            "StrictMath", "String", "StringBuffer", "StringBuilder", "StringIndexOutOfBoundsException",
            "StringTemplate", "SuppressWarnings", "System", "Thread", "ThreadDeath", "ThreadGroup", "ThreadLocal",
            "Throwable", "TypeNotPresentException", "UnknownError", "UnsatisfiedLinkError",
            "UnsupportedClassVersionError", "UnsupportedOperationException", "VerifyError", "VirtualMachineError",
            "Void", "WrongThreadException");

    /** The types the generators name with {@code $T}, which JavaPoet imports by simple name. */
    static final List<String> IMPORTED = List.of(
            // java.*
            "ArrayList", "Arrays", "BigInteger", "ByteBuffer", "ByteOrder", "HexFormat", "List", "Objects",
            "Optional", "Set", "Generated",
            // bpf-api
            "BitFields", "BpfArrayMap", "BpfArrayOfMaps", "BpfBloomFilter", "BpfCgroupArray", "BpfHashMap",
            "BpfHashOfMaps", "BpfLpmTrie", "BpfPerCpuArrayMap", "BpfPerCpuCounters", "BpfPerCpuHashMap",
            "BpfPerfBuffer", "BpfPerfEventArray", "BpfProgArray", "BpfProgram", "BpfQueue", "BpfRingBuffer",
            "BpfStack", "BpfStackTraceMap", "CharArrays", "Codec", "Codecs", "Int128", "Kernel", "BpfObject",
            "DataSection", "DataSectionView", "LpmKey", "ObjectSource", "OpenBpfObject", "OpenDataSection",
            "OpenProgram", "OpenSkeleton", "Ranges", "RawMap", "Skeleton", "StackTrace", "VerifierException");

    /**
     * The skeleton's nested types; and {@code View}, nested in every record, which Java forbids a
     * record to share.
     */
    static final List<String> NESTED = List.of("Open", "Maps", "Programs", "View");

    private ReferencedNames() {}
}
