package dev.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infra.fixtures.FakeCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of damaged state files: every command that reads state answers each with exit 5 and one line that names
 * no Java class, never claims there is anything to resume, makes no cloud call and leaves the file as it was.
 */
class GarbledStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String cloudName;
    Cli cli;
    Path stateFile;
    String valid;

    @BeforeEach
    void deployed() throws Exception {
        Files.writeString(dir.resolve("infra.yaml"), EndToEndTest.APP);
        cloudName = "garbled-" + UUID.randomUUID();
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", "fakecloud://" + cloudName));
        assertThat(cli.run("deploy", "--stage", "dev", "--yes").code()).isZero();
        try (Stream<Path> files = Files.walk(dir.resolve(".infra/state"))) {
            stateFile = files.filter(Files::isRegularFile).filter(p -> read(p).contains("\"lineage\"")).findFirst().orElseThrow();
        }
        valid = Files.readString(stateFile);
    }

    @AfterEach
    void forget() {
        FakeCloud.forget(cloudName);
    }

    @Test
    void everyDamagedStateIsOneLineWithExitFiveAndNothingChanges() throws Exception {
        for (Map.Entry<String, String> damaged : corpus().entrySet()) {
            Files.writeString(stateFile, damaged.getValue());
            int calls = FakeCloud.named(cloudName).calls().size();
            for (String[] command : new String[][]{{"diff"}, {"deploy", "--yes"}, {"remove", "--yes"}, {"outputs"}}) {
                String what = damaged.getKey() + ", infra " + command[0];
                Cli.Result r = cli.run(Stream.concat(Stream.of(command), Stream.of("--stage", "dev")).toArray(String[]::new));
                assertThat(r.code()).as(what + ": " + r.out() + r.err()).isEqualTo(5);
                assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList()).as(what + ": " + r.err()).singleElement()
                        .asString().contains("state");
                assertThat(r.err()).as(what).doesNotContain("interrupted").doesNotContain("resume")
                        .doesNotContainPattern("java\\.|dev\\.infra|Exception|No enum constant|\\(String\\)|LinkedHashMap");
                assertThat(Files.readString(stateFile)).as(what + ": the file is left as it was").isEqualTo(damaged.getValue());
            }
            assertThat(FakeCloud.named(cloudName).calls()).as(damaged.getKey() + ": no cloud call").hasSize(calls);
        }
    }

    private Map<String, String> corpus() throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("truncated", valid.substring(0, valid.length() / 2));
        c.put("empty", "");
        c.put("a list", "[]");
        c.put("null", "null");
        c.put("a newer format", edited(s -> s.put("formatVersion", 99)));
        c.put("no lineage", edited(s -> s.remove("lineage")));
        c.put("a serial that is text", edited(s -> s.put("serial", "seven")));
        c.put("resources as an object", edited(s -> s.putObject("resources")));
        c.put("an unknown status", edited(s -> resource(s).put("status", "EXPLODE")));
        c.put("inputs that are text", edited(s -> resource(s).put("inputs", "cpu=256")));
        c.put("dependencies that are numbers", edited(s -> resource(s).putArray("dependencies").add(1).add(2)));
        c.put("a resource twice", edited(s -> ((ArrayNode) s.get("resources")).add(resource(s).deepCopy())));
        c.put("a resource that is text", edited(s -> ((ArrayNode) s.get("resources")).add("vpc/vpc")));
        return c;
    }

    private String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(valid);
        edit.accept(s);
        return JSON.writeValueAsString(s);
    }

    private static ObjectNode resource(ObjectNode state) {
        return (ObjectNode) state.get("resources").get(0);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
