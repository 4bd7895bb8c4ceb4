package dev.infra.core.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Bad user input (infra.yaml, flags, .env, plan files): every problem at once. */
public class InvalidInputException extends InfraException {
    private final List<Diagnostic> diagnostics;

    public InvalidInputException(List<Diagnostic> diagnostics) {
        super(ExitCode.INVALID_INPUT, diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public InvalidInputException(String message) {
        this(List.of(Diagnostic.error("", Pos.UNKNOWN, message, "")));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
