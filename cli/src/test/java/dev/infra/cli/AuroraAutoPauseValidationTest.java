package dev.infra.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What RDS would refuse at create time and infra can know before any change: min 0 ACUs on an Aurora version without
 * auto-pause, or an auto-pause delay outside 5 minutes to a day. validate, diff and deploy stop on it with the YAML
 * path, exit code 2, before any AWS call (FakeRds refuses the same cluster, so without the check the deploy would
 * fail half way, after the network was made).
 */
class AuroraAutoPauseValidationTest extends OnFullExample {

    private void db(String version, String scaling) throws Exception {
        Path yaml = dir.resolve("infra.yaml");
        String app = Files.readString(yaml);
        String edited = app.replace("version: \"17.4\"", "version: \"" + version + "\"").replace("scaling: { min: 0, max: 4, pauseAfter: 20m }", scaling);
        assertThat(edited).as("the example's database is where the test expects it").isNotEqualTo(app);
        Files.writeString(yaml, edited);
    }

    @Test
    void minZeroOnAVersionWithoutAutoPauseIsAValidationErrorBeforeAnyChange() throws Exception {
        db("16.2", "scaling: { min: 0, max: 4, pauseAfter: 20m }");
        for (String[] command : new String[][] {{"validate"}, {"diff"}, {"deploy", "--yes"}}) {
            Cli.Result r = example.run("dev", command);
            assertThat(r.code()).as(command[0] + ": " + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command[0]).contains("resources.db.scaling.min").contains("min 0 ACUs (auto-pause) is not available on Aurora PostgreSQL 16.2")
                    .contains("use min 0.5, or version Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3");
        }
        assertThat(example.fake.calls().all()).as("nothing asked of AWS").noneMatch(c -> c.startsWith("rds:") || c.startsWith("ec2:Create"));
    }

    @Test
    void anAutoPauseDelayOutsideFiveMinutesToADayIsAValidationError() throws Exception {
        db("17.4", "scaling: { min: 0, max: 4, pauseAfter: 2d }");
        Cli.Result r = example.run("dev", "deploy", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("resources.db.scaling.pauseAfter").contains("pauseAfter must be 5m to 24h");
        assertThat(example.fake.calls().all()).noneMatch(c -> c.startsWith("rds:"));
    }
}
