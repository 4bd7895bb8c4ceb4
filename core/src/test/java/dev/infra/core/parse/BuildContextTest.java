package dev.infra.core.parse;

import dev.infra.core.component.ContentDigest;
import dev.infra.core.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which entries a build sends, walked as Docker's CLI walks a context. */
class BuildContextTest {
    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private void tree() throws IOException {
        write("Dockerfile", "FROM scratch\nCOPY . /ctx\n");
        write("app.js", "1");
        write("docs/README.md", "r");
        write("docs/guide.md", "g");
        write("logs/a.log", "l");
        write("src/main.js", "m");
        write(".infra/state/app/dev/state.json", "{}");
        write(".git/HEAD", "ref");
    }

    @Test
    void anExcludedDirectoryIsSkippedUnlessAnExceptionReachesIntoIt() throws IOException {
        tree();
        write(".dockerignore", "docs\n!docs/README.md\nlogs\n!**/a.log\n");
        assertThat(BuildContext.of(dir, "Dockerfile").paths()).as("docs/README.md re-included; logs skipped: !**/a.log does not start with logs/")
                .containsExactly(".dockerignore", "Dockerfile", "app.js", "docs/README.md", "src/", "src/main.js");
    }

    @Test
    void theDockerfileAndDockerignoreAreAlwaysSentAndInfrasStateNever() throws IOException {
        tree();
        write(".dockerignore", "*\n");
        assertThat(BuildContext.of(dir, "./Dockerfile").paths()).containsExactly(".dockerignore", "Dockerfile");
        write(".dockerignore", "# only a comment\n");
        assertThat(BuildContext.of(dir, "Dockerfile").paths()).doesNotContain(".infra/", ".git/").contains("docs/", "logs/a.log", "src/main.js");
    }

    @Test
    void aCommentOnlyStartsAtTheLinesFirstCharacterAndALeadingSlashIsDropped() throws IOException {
        tree();
        write(".dockerignore", " #app.js\n/src\n");
        assertThat(BuildContext.of(dir, "Dockerfile").paths()).contains("app.js").doesNotContain("src/", "src/main.js");
        write("#app.js", "hash");
        write(".dockerignore", " #app.js\n");
        assertThat(BuildContext.of(dir, "Dockerfile").paths()).as("' #app.js' is the pattern '#app.js'").contains("app.js").doesNotContain("#app.js");
    }

    @Test
    void aPatternDockerWouldRefuseIsAOneLineInputError() throws IOException {
        tree();
        write(".dockerignore", "src/[\n");
        assertThatThrownBy(() -> BuildContext.of(dir, "Dockerfile")).isInstanceOf(InvalidInputException.class)
                .hasMessage("error: " + dir.resolve(".dockerignore") + ": syntax error in pattern src/[");
        write(".dockerignore", "!\n");
        assertThatThrownBy(() -> BuildContext.of(dir, "Dockerfile")).hasMessage("error: " + dir.resolve(".dockerignore") + ": illegal exclusion pattern: \"!\"");
    }

    @Test
    void theDigestFollowsWhatIsSentAndNothingElse() throws IOException {
        tree();
        write(".dockerignore", "logs\n");
        String before = ContentDigest.of(dir, "Dockerfile");
        write("logs/b.log", "more");
        write(".git/HEAD", "other");
        assertThat(ContentDigest.of(dir, "Dockerfile")).isEqualTo(before);
        Files.createDirectories(dir.resolve("empty"));
        assertThat(ContentDigest.of(dir, "Dockerfile")).as("an empty directory is sent, so it counts").isNotEqualTo(before);
        String withEmpty = ContentDigest.of(dir, "Dockerfile");
        dir.resolve("app.js").toFile().setWritable(true, false);
        assertThat(ContentDigest.of(dir, "Dockerfile")).as("modes as git keeps them: a umask changes nothing").isEqualTo(withEmpty);
        dir.resolve("app.js").toFile().setExecutable(true);
        assertThat(ContentDigest.of(dir, "Dockerfile")).as("the executable bit is sent").isNotEqualTo(withEmpty);
    }
}
