package dev.infra.core.secrets;

import dev.infra.core.diag.InvalidInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The .env corpus in {@code src/test/resources/dotenv}: each {@code good/X.env} must parse to {@code X.expected}
 * ({@code NAME=value} lines, {@code \n \t \\} escaped); each {@code bad/X.env} must fail listing exactly the lines of
 * {@code X.errors} ({@code LINE: message fragment}), with no value (every value holds "CANARY") in the message.
 */
class DotEnvTest {
    private static final Path CORPUS = Path.of("src/test/resources/dotenv");

    static Map<String, String> parse(String text) {
        return DotEnv.parse(text, ".env").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().reveal()));
    }

    @TestFactory
    Stream<DynamicTest> goodFilesParseToTheirExpectedValues() throws IOException {
        return files("good").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Map<String, String> expected = expected(sibling(f, ".expected"));
            assertThat(parse(Files.readString(f, StandardCharsets.UTF_8))).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> badFilesReportEveryBadLineAndNoValue() throws IOException {
        return files("bad").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String msg = catchThrowableOfType(InvalidInputException.class, () -> DotEnv.parse(Files.readString(f), "app.env")).getMessage();
            List<String> want = Files.readAllLines(sibling(f, ".errors"));
            List<String> lines = msg.lines().skip(1).map(String::strip).toList();
            assertThat(lines).hasSize(want.size());
            for (int i = 0; i < want.size(); i++) {
                String[] w = want.get(i).split(": ", 2);
                assertThat(lines.get(i)).startsWith("app.env:" + w[0] + ": ").contains(w[1]);
            }
            assertThat(msg.lines().findFirst().orElseThrow()).isEqualTo("error: app.env: " + want.size() + " bad line" + (want.size() == 1 ? "" : "s")
                    + ", nothing was set (values are not shown):");
            assertThat(msg).doesNotContain("CANARY");
        }));
    }

    @Test
    void valuesAreMaskedWhenPrinted() {
        assertThat(DotEnv.parse("K=secret", ".env").get("K").toString()).isEqualTo("(sensitive)");
    }

    @Test
    void anUnclosedQuoteSwallowsTheRestSoLaterLinesAreNotMisread() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse("A=\"open\nB=2\nC=3\n"));
        assertThat(e.getMessage()).contains(".env:1: the double quote").doesNotContain(".env:2").doesNotContain(".env:3");
    }

    private static Stream<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            List<Path> envs = s.filter(p -> p.toString().endsWith(".env")).sorted().toList();
            assertThat(envs).isNotEmpty();
            return envs.stream();
        }
    }

    private static Path sibling(Path env, String ext) {
        String n = env.getFileName().toString();
        return env.resolveSibling(n.substring(0, n.length() - 4) + ext);
    }

    private static Map<String, String> expected(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = l.indexOf('=');
            out.put(l.substring(0, eq), unescape(l.substring(eq + 1)));
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        }
        return sb.toString();
    }
}
