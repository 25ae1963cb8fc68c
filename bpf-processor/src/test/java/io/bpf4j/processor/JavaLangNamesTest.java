package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * C types named like every simple name the skeleton refers to without owning it — each public
 * {@code java.lang} type of the running JDK, each type the golden skeletons import, the skeleton's
 * nested types — do not shadow them: an object declaring a struct, an enum and a typedef of each
 * name generates a skeleton that compiles without a warning.
 */
class JavaLangNamesTest {
    @TempDir
    Path dir;

    @Test
    void cTypesNamedLikeJavaTypesDoNotShadowThem() throws IOException, ReflectiveOperationException {
        List<String> names = new ArrayList<>(referencedNames());
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int u32 = object.typeId(ObjectRewriter.INT, "unsigned int");
        List<Integer> members = new ArrayList<>();
        for (String name : names) {
            int struct = object.append(ObjectRewriter.STRUCT, name, 1, 4, object.string("v"), u32, 0);
            int enumType = object.append(ObjectRewriter.ENUM, name, 1, 4, object.string(name + "_V"), 1);
            int anonymous = object.append(ObjectRewriter.STRUCT, "", 1, 4, object.string("w"), u32, 0);
            int typedef = object.append(ObjectRewriter.TYPEDEF, name, 0, anonymous);
            members.addAll(List.of(struct, enumType, typedef));
        }
        int[] data = new int[3 * members.size()];
        for (int i = 0; i < members.size(); i++) {
            data[3 * i] = object.string("m" + i);
            data[3 * i + 1] = members.get(i);
            data[3 * i + 2] = 32 * i;
        }
        int holder = object.append(ObjectRewriter.STRUCT, "holder", members.size(), 4 * members.size(), data);
        object.retargetPointers(object.typeId(ObjectRewriter.STRUCT, "victim_struct"), holder);
        byte[] bytes = object.bytes();

        HostileObjects.compileInert(bytes, dir);

        String source = HostileObjects.source(HostileObjects.compile(bytes, dir));
        assertThat(names).contains("Integer", "String", "Object", "Override", "Record", "ByteBuffer", "Codec",
                "Ranges", "Open", "Maps", "View");
        assertThat(source).contains("public record IntegerStruct(long v)", "public enum IntegerEnum",
                "public record StringStruct(long v)", "public record OverrideStruct(long v)");
    }

    /** java.lang's public types in this JDK, the types the golden skeletons import, and the nested types. */
    private static TreeSet<String> referencedNames() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Path javaLang = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules/java.base/java/lang");
        try (Stream<Path> classes = Files.list(javaLang)) {
            classes.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length()))
                    .filter(JavaLangNamesTest::isPublicJavaLang)
                    .forEach(names::add);
        }
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path file : golden.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        names.add(line.substring(line.lastIndexOf('.') + 1, line.length() - 1));
                    }
                }
            }
        }
        names.addAll(List.of("Open", "Maps", "Programs", "Program", "View", "Rodata", "RodataView", "Bss", "Data",
                "Hostile", "HostileSkel"));
        return names;
    }

    private static boolean isPublicJavaLang(String simpleName) {
        try {
            return Modifier.isPublic(Class.forName("java.lang." + simpleName, false, null).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
