package dev.infra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way back when a stage's state is lost: the full example is deployed, its state deleted, and {@code remove --yes}
 * finds what the stage's tags prove is its own, orders it by dependencies and deletes it through the executor. Nothing
 * tagged for the stage is left, in about the (virtual) time a remove with the state takes.
 */
class LostStateOnFakeAwsTest {
    @TempDir
    Path normalDir;
    @TempDir
    Path lostDir;

    @Test
    void aStageWhoseStateWasLostIsRemovedCompletelyInAboutTheTimeOfANormalRemove() throws Exception {
        try (FullExample normal = new FullExample(normalDir); FullExample lost = new FullExample(lostDir)) {
            Duration withState = deployThenRemove(normal, false);
            Duration withoutState = deployThenRemove(lost, true);
            System.out.println("remove of the full example, virtual time: with its state " + withState + ", with its state lost " + withoutState);
            assertThat(lost.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))).as("only the secrets stay: infra secrets owns them")
                    .allMatch(arn -> arn.startsWith("arn:aws:ssm:")).hasSize(2);
            assertThat(withoutState).as("within 1.5 times a normal remove").isLessThanOrEqualTo(withState.multipliedBy(3).dividedBy(2));
        }
    }

    private static Duration deployThenRemove(FullExample example, boolean loseState) throws IOException {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        if (loseState) deleteTree(example.dir.resolve(".infra"));
        Instant start = example.fake.clock().now();
        Cli.Result removed = example.ok(example.run("dev", "remove", "--yes"));
        if (loseState) assertThat(removed.out()).contains("resources tagged for this stage that the state does not list").contains("swept: aws.ec2.Vpc");
        return Duration.between(start, example.fake.clock().now());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
