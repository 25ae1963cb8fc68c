package io.bpf4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md cannot drift from the project the build runs: every code block marked
 * {@code <!-- file: PROJECT/PATH -->} is that file of {@code src/it} as the invoker builds it
 * ({@code @project.version@} filtered to this build's version), every file of the getting-started
 * project is on the page, and a block marked {@code <!-- part of: PROJECT/PATH -->} is a run of
 * lines of that file (indentation aside). {@code -Dbpf4j.updateDocs=true} rewrites the file blocks
 * from the files.
 */
class GettingStartedPageTest {
    private static final Path ROOT =
            Path.of(System.getenv().getOrDefault("BPF4J_REPO_ROOT", "..")).toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/getting-started.md");
    private static final Path PROJECTS = ROOT.resolve("bpf4j-it/src/it");
    private static final String PROJECT = "getting-started";
    /** The invoker's files, not the user's. */
    private static final Set<String> HARNESS = Set.of("invoker.properties", "verify.groovy", "prebuild.groovy");
    private static final Pattern BLOCK =
            Pattern.compile("<!-- (file|part of): (\\S+) -->\n```[a-z]*\n(.*?)```\n", Pattern.DOTALL);

    private record Block(String kind, String path, String content, int start, int end) {}

    @Test
    void everyFileBlockIsTheProjectsFile() throws IOException {
        String page = page();
        if (Boolean.getBoolean("bpf4j.updateDocs")) {
            Files.writeString(PAGE, rewrite(page), StandardCharsets.UTF_8);
            page = page();
        }
        List<Block> files = blocks(page).stream().filter(b -> b.kind().equals("file")).toList();
        assertThat(files).as("file blocks on %s", PAGE).isNotEmpty();
        for (Block block : files) {
            assertThat(block.content()).as("the block of %s on %s (-Dbpf4j.updateDocs=true rewrites it)",
                    block.path(), PAGE).isEqualTo(projectFile(block.path()));
        }
    }

    @Test
    void everyFileOfTheProjectIsOnThePage() throws IOException {
        Set<String> onPage = blocks(page()).stream().filter(b -> b.kind().equals("file")).map(Block::path)
                .collect(Collectors.toCollection(TreeSet::new));
        Path project = PROJECTS.resolve(PROJECT);
        Set<String> files;
        try (Stream<Path> walk = Files.walk(project)) {
            files = walk.filter(Files::isRegularFile)
                    .map(f -> project.relativize(f).toString())
                    .filter(f -> !HARNESS.contains(f) && !f.startsWith("target/"))
                    .map(f -> PROJECT + "/" + f)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(onPage).as("the files of %s shown on %s", project, PAGE).containsAll(files);
    }

    @Test
    void everyPartIsARunOfLinesOfItsFile() throws IOException {
        List<Block> parts = blocks(page()).stream().filter(b -> b.kind().equals("part of")).toList();
        assertThat(parts).isNotEmpty();
        for (Block part : parts) {
            List<String> lines = projectFile(part.path()).lines().toList();
            List<String> wanted = part.content().lines().toList();
            assertThat(containsRun(lines, wanted)).as("the lines on %s are a run of lines of %s:%n%s", PAGE,
                    part.path(), part.content()).isTrue();
        }
    }

    @Test
    void thePageNamesThisVersionOfThePlugin() throws IOException {
        Matcher plugin = Pattern.compile("bpf4j-maven-plugin:([^:\\s]+):").matcher(page());
        List<String> versions = new ArrayList<>();
        while (plugin.find()) {
            versions.add(plugin.group(1));
        }
        assertThat(versions).isNotEmpty().containsOnly(version());
    }

    /** {@code wanted} equals {@code lines.subList(i, i + n)} with the same indentation removed from each. */
    private static boolean containsRun(List<String> lines, List<String> wanted) {
        for (int i = 0; i + wanted.size() <= lines.size(); i++) {
            List<String> run = lines.subList(i, i + wanted.size());
            int indent = run.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            if (run.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String rewrite(String page) throws IOException {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Block block : blocks(page)) {
            out.append(page, at, block.start());
            if (block.kind().equals("file")) {
                out.append(page, block.start(), block.end() - block.content().length() - "```\n".length())
                        .append(projectFile(block.path())).append("```\n");
            } else {
                out.append(page, block.start(), block.end());
            }
            at = block.end();
        }
        return out.append(page.substring(at)).toString();
    }

    private static List<Block> blocks(String page) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(3), m.start(), m.end()));
        }
        return blocks;
    }

    /** The file as the invoker builds it, ending with a newline as a code block does. */
    private static String projectFile(String path) throws IOException {
        String text = Files.readString(PROJECTS.resolve(path), StandardCharsets.UTF_8)
                .replace("@project.version@", version());
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String page() throws IOException {
        return Files.readString(PAGE, StandardCharsets.UTF_8);
    }

    private static String version() {
        String version = System.getProperty("bpf4j.version");
        assertThat(version).as("system property bpf4j.version (set by the pom)").isNotBlank();
        return version;
    }
}
