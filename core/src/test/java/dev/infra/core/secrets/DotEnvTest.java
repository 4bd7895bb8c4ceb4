package dev.infra.core.secrets;

import dev.infra.core.diag.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DotEnvTest {
    static Map<String, String> parse(String text) {
        return DotEnv.parse(text, ".env").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().reveal()));
    }

    @Test
    void readsTheCommonForms() {
        Map<String, String> v = parse("""
                # a comment

                export A=plain value # trailing comment
                B="double \\"quoted\\"\\nnext\\tTab"
                C='single $NOT \\n expanded'
                D="spans
                two lines"
                E=
                F=a=b
                """);
        assertThat(v).containsEntry("A", "plain value").containsEntry("B", "double \"quoted\"\nnext\tTab")
                .containsEntry("C", "single $NOT \\n expanded").containsEntry("D", "spans\ntwo lines")
                .containsEntry("E", "").containsEntry("F", "a=b").hasSize(6);
    }

    @Test
    void errorsNameTheLineAndNeverTheValue() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> parse("OK=1\n\nBAD=\"never closed hunter2\nmore\n"));
        assertThat(e.getMessage()).contains(".env:3").contains("never closed").doesNotContain("hunter2");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> parse("1X=2")).getMessage())
                .contains(".env:1").contains("not a valid variable name");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> parse("just text")).getMessage())
                .contains("expected NAME=value");
    }

    @Test
    void valuesAreMaskedWhenPrinted() {
        assertThat(DotEnv.parse("K=secret", ".env").get("K").toString()).isEqualTo("(sensitive)");
    }
}
