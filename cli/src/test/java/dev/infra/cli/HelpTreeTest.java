package dev.infra.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks picocli's command tree and asks every node for {@code --help} and {@code -h}: each must print its usage,
 * every one of its options and an example of itself on stdout, nothing on stderr, and exit 0. A command added
 * later is in the tree, so it cannot miss any of that.
 */
class HelpTreeTest {
    @TempDir
    Path dir;

    private static List<CommandLine> tree() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(new Io(nowhere, nowhere, new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."), false)), all);
        return all;
    }

    private static void collect(CommandLine node, List<CommandLine> into) {
        into.add(node);
        node.getSubcommands().values().stream().distinct().forEach(c -> collect(c, into));
    }

    @Test
    void theTreeHoldsEveryCommand() {
        assertThat(tree()).extracting(c -> c.getCommandSpec().qualifiedName())
                .contains("infra", "infra deploy", "infra diff", "infra state", "infra state import", "infra secrets load", "infra init")
                .hasSizeGreaterThan(20);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        return tree().stream().flatMap(node -> Stream.of("--help", "-h").map(flag -> {
            String path = node.getCommandSpec().qualifiedName();
            return DynamicTest.dynamicTest(path + " " + flag, () -> assertHelp(node, flag));
        }));
    }

    private void assertHelp(CommandLine node, String flag) {
        String path = node.getCommandSpec().qualifiedName();
        List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")).subList(1, path.split(" ").length));
        args.add(flag);
        Cli.Result r = new Cli(dir, Map.of()).run(args.toArray(String[]::new));
        assertThat(r.code()).as(path + " " + flag + ": " + r.err()).isZero();
        assertThat(r.err()).as(path).isEmpty();
        assertThat(r.out()).as(path).startsWith("Usage: " + path).contains("-h, --help");
        assertThat(r.out()).as(path + " has an example").containsPattern("\nExamples?:\n");
        String example = r.out().substring(r.out().indexOf("\nExample"));
        assertThat(example).as(path + "'s example runs it").contains(path);
        for (OptionSpec o : node.getCommandSpec().options())
            if (!o.hidden()) assertThat(r.out()).as(path + " shows " + o.longestName()).contains(o.longestName());
    }

    @Test
    void aGroupWithoutItsSubcommandNamesThemAndExitsTwo() {
        Cli.Result r = new Cli(dir, Map.of()).run("state");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("infra state needs a subcommand: list, show, lock, unlock, import, forget");
    }
}
