package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command, at every depth, prints its usage on request; every hint printed after a usage error works. */
class HelpTest {
    private static final Pattern HINT = Pattern.compile("Try '([^']+)'");

    /** The words that name each command below {@code stratum}, e.g. {@code [memory, put]}. */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new StratumCommand(Map.of())), List.of(), all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(14);
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> words = new ArrayList<>(path);
            words.add(name);
            all.add(List.copyOf(words));
            collect(sub, words, all);
        });
    }

    private static CliRun stratum(List<String> words, String... more) {
        List<String> args = new ArrayList<>(words);
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static void assertUsage(CliRun run, List<String> words) {
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).startsWith("Usage: stratum " + String.join(" ", words));
        assertThat(run.err()).as(run.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpOptionsPrintTheUsage(List<String> words) {
        assertUsage(stratum(words, "--help"), words);
        assertUsage(stratum(words, "-h"), words);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theHelpCommandPrintsTheUsage(List<String> words) {
        // stratum help list, stratum memory help put
        List<String> parent = words.subList(0, words.size() - 1);
        assertUsage(stratum(parent, "help", words.get(words.size() - 1)), words);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theHintAfterAUsageErrorWorks(List<String> words) {
        CliRun wrong = stratum(words, "--no-such-option");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(2);
        Matcher hint = HINT.matcher(wrong.err());
        assertThat(hint.find()).as(wrong.toString()).isTrue();
        List<String> hinted = List.of(hint.group(1).split(" "));
        assertThat(hinted.get(0)).isEqualTo("stratum");

        CliRun run = CliRun.run(hinted.subList(1, hinted.size()).toArray(String[]::new));
        assertUsage(run, words);
    }
}
