package io.bpf4j.processor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The parsed command line of {@code bpf4j gen}.
 *
 * @param packageName the package of the generated skeletons
 * @param outputDir where the sources go, in package directories (like {@code javac -s})
 * @param resourceDir where to copy each object so the skeleton finds it at run time, if asked
 * @param events ring-buffer map name → record struct name, or {@link #RAW} for raw records, for every
 *     object
 * @param check whether to compile the generated sources against bpf-api after writing them
 * @param objects the {@code .bpf.o} files
 */
record GenerateOptions(String packageName, Path outputDir, Optional<Path> resourceDir, Map<String, String> events,
        boolean check, List<Path> objects) {
    /** The value of {@code --event MAP=:raw}: records with no struct in BTF, read as bytes. */
    static final String RAW = ":raw";

    /** The text {@code --help} prints. */
    static final String USAGE = String.join("\n",
            "usage: bpf4j gen --package PKG --out DIR [--resources DIR] [--event MAP=STRUCT|MAP=:raw]... [--check]"
                    + " OBJECT.bpf.o...",
            "",
            "Writes the typed skeleton of each BPF object, the same source the @BpfSkeleton annotation",
            "processor generates for a type named after the object (opensnoop.bpf.o -> PKG.OpensnoopSkel).",
            "The skeleton loads the object from the class path at PKG/<file name>, e.g. p/opensnoop.bpf.o.",
            "",
            "  --package PKG         package of the skeletons (required)",
            "  --out DIR             source root to write PKG/NameSkel.java into (required)",
            "  --resources DIR       also copy each object to DIR/PKG/<file name>, where the skeleton looks",
            "  --event MAP=STRUCT    records of ring buffer MAP are struct STRUCT (repeatable; applies to",
            "                        every object given, like @BpfSkeleton(events = ...))",
            "  --event MAP=:raw      records of MAP have no struct in BTF: raw records, read as bytes",
            "                        (like @EventType(map = MAP, raw = true)); a ring buffer nothing binds",
            "                        is raw anyway, with a warning line naming how to bind it",
            "  --check               compile each generated source against bpf-api and report errors",
            "  -h, --help            print this help",
            "",
            "Exit status: 0 when every skeleton was written, 1 when an object failed, 2 on a usage error.");

    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    GenerateOptions {
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
        objects = List.copyOf(objects);
    }

    /**
     * Parses {@code args}; an empty result means help was asked for.
     *
     * @throws UsageException naming the argument that is wrong
     */
    static Optional<GenerateOptions> parse(String... args) throws UsageException {
        String packageName = null;
        Path outputDir = null;
        Path resourceDir = null;
        Map<String, String> events = new LinkedHashMap<>();
        boolean check = false;
        List<Path> objects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return Optional.empty();
                }
                case "--package" -> packageName = packageName(value(args, ++i, arg));
                case "--out" -> outputDir = Path.of(value(args, ++i, arg));
                case "--resources" -> resourceDir = Path.of(value(args, ++i, arg));
                case "--event" -> addEvent(events, value(args, ++i, arg));
                case "--check" -> check = true;
                case "--" -> {
                    for (i++; i < args.length; i++) {
                        objects.add(Path.of(args[i]));
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + " (see --help)");
                    }
                    objects.add(Path.of(arg));
                }
            }
        }
        if (packageName == null) {
            throw new UsageException("--package PKG is required: the package of the generated skeletons");
        }
        if (outputDir == null) {
            throw new UsageException("--out DIR is required: the source root to write the skeletons into");
        }
        if (objects.isEmpty()) {
            throw new UsageException("no object given: name at least one OBJECT.bpf.o");
        }
        return Optional.of(new GenerateOptions(packageName, outputDir, Optional.ofNullable(resourceDir), events,
                check, objects));
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value (see --help)");
        }
        return args[index];
    }

    private static String packageName(String name) throws UsageException {
        // An unnamed package could not be imported by the code that uses the skeleton.
        for (String segment : name.split("\\.", -1)) {
            if (!SourceVersion.isIdentifier(segment) || SourceVersion.isKeyword(segment)) {
                throw new UsageException("--package " + name + " is not a Java package name");
            }
        }
        return name;
    }

    private static void addEvent(Map<String, String> events, String binding) throws UsageException {
        int equals = binding.indexOf('=');
        String map = equals < 0 ? "" : binding.substring(0, equals);
        String struct = equals < 0 ? "" : binding.substring(equals + 1);
        boolean validStruct = struct.equals(RAW) || C_IDENTIFIER.matcher(struct).matches();
        if (!C_IDENTIFIER.matcher(map).matches() || !validStruct) {
            throw new UsageException("--event " + binding + " is not MAP=STRUCT (two C identifiers) or MAP=" + RAW);
        }
        String previous = events.put(map, struct);
        if (previous != null && !previous.equals(struct)) {
            throw new UsageException("--event binds map " + map + " twice (to " + previous + " and " + struct + ")");
        }
    }
}
