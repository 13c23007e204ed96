package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md, docs/*.md and bench/README.md appears in a test source file of the
 * repository, so that every sample keeps compiling and running: the README's and docs' samples are mirrored by
 * the {@code Readme*Test} classes here and by {@code testkit-tests/src/test/java/com/example/}.
 *
 * <p>A block matches a test source file when each of its {@code import} lines is a line of the file, and its other
 * lines, with all white space removed, are a run of the file's text with all white space removed, or of that text
 * without its {@code assertThat(...);} statements (a test may check what a sample did between the sample's
 * lines). White space does not count so that the formatter may wrap a test's lines differently from the docs.
 *
 * <p>Exemption: a block that is a fragment and cannot run alone (it names classes that do not exist, or leaves a
 * method body out) is preceded, on the line before its opening fence, by the comment
 * {@code <!-- doc-sample: fragment -->}. Keep these rare.
 */
class DocSamplesTest {
    static final String FRAGMENT_MARKER = "<!-- doc-sample: fragment -->";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern ASSERTION = Pattern.compile("assertThat\\([^;]*;");

    record Sample(Path file, int line, List<String> lines, boolean fragment) {
        String where() {
            return file + ":" + line;
        }
    }

    /** A test source file: its lines, its text without white space, and that text without assertions. */
    record Source(Path file, Set<String> lineSet, String compact, String code) {
        static Source of(Path file, List<String> lines) {
            String compact = WHITE_SPACE.matcher(String.join("", lines)).replaceAll("");
            return new Source(
                    file, Set.copyOf(lines), compact, ASSERTION.matcher(compact).replaceAll(""));
        }
    }

    @Test
    void everyJavaSampleIsInATestSource() throws IOException {
        Path root = repositoryRoot();
        List<Sample> samples = new ArrayList<>();
        for (Path markdown : markdownFiles(root)) {
            samples.addAll(javaSamples(root, markdown));
        }
        List<Source> sources = testSources(root);

        assertThat(samples).as("java samples found").hasSizeGreaterThanOrEqualTo(10);
        assertThat(sources).as("test sources found").hasSizeGreaterThan(50);
        List<String> unmatched = new ArrayList<>();
        for (Sample sample : samples) {
            if (!sample.fragment() && sources.stream().noneMatch(source -> contains(source, sample.lines()))) {
                unmatched.add(sample.where() + " (first line: " + sample.lines().getFirst() + ")");
            }
        }
        assertThat(unmatched)
                .as("java samples not found verbatim in any test source; mirror them in a test, or mark a fragment "
                        + "that cannot run alone with " + FRAGMENT_MARKER)
                .isEmpty();
    }

    @Test
    void theMatchingIsStrict() {
        List<String> lines = List.of("import a.B;", "x();", "assertThat(x)", ".isOne();", "y(1,", "2);");
        Source source = Source.of(Path.of("T.java"), lines);
        assertThat(contains(source, List.of("import a.B;", "x();", "y(1, 2);"))).isTrue();
        assertThat(contains(source, List.of("y(1, 2);"))).isTrue();
        assertThat(contains(source, List.of("x();", "assertThat(x).isOne();"))).isTrue();
        assertThat(contains(source, List.of("import a.C;", "x();"))).isFalse();
        assertThat(contains(source, List.of("x();", "y(1, 2);"))).isTrue();
        assertThat(contains(source, List.of("y(1, 2);", "x();"))).isFalse();
        assertThat(contains(source, List.of("x(); // a comment the test lacks")))
                .isFalse();
    }

    private static boolean contains(Source source, List<String> sample) {
        StringBuilder code = new StringBuilder();
        for (String line : sample) {
            if (line.startsWith("import ")) {
                if (!source.lineSet().contains(line)) {
                    return false;
                }
            } else {
                code.append(WHITE_SPACE.matcher(line).replaceAll(""));
            }
        }
        return source.compact().contains(code) || source.code().contains(code);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))
                    && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("bench/README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Sample> javaSamples(Path root, Path markdown) throws IOException {
        List<String> text = Files.readAllLines(markdown);
        List<Sample> samples = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.startsWith("```")) {
                int start = i;
                List<String> block = new ArrayList<>();
                for (i++; i < text.size() && !text.get(i).strip().startsWith("```"); i++) {
                    String content = text.get(i).strip();
                    if (!content.isEmpty()) {
                        block.add(content);
                    }
                }
                if (line.equals("```java") && !block.isEmpty()) {
                    samples.add(
                            new Sample(root.relativize(markdown), start + 1, block, previous.equals(FRAGMENT_MARKER)));
                }
                previous = "";
            } else if (!line.isEmpty()) {
                previous = line;
            }
        }
        return samples;
    }

    private static List<Source> testSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p ->
                            root.relativize(p).toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(p -> !p.getFileName().toString().equals("DocSamplesTest.java"))
                    .filter(p -> !root.relativize(p).startsWith(".git"))
                    .map(DocSamplesTest::source)
                    .toList();
        }
    }

    private static Source source(Path file) {
        try {
            return Source.of(
                    file, Files.readAllLines(file).stream().map(String::strip).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
