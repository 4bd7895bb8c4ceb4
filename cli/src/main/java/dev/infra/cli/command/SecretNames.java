package dev.infra.cli.command;

import dev.infra.cli.AppContext;
import dev.infra.core.diag.InvalidInputException;

import java.util.regex.Pattern;

/** Secret names: checked for shape; a name infra.yaml does not declare is set, with a warning. */
final class SecretNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private SecretNames() { }

    static void check(AppContext ctx, String name) {
        if (!NAME.matcher(name).matches())
            throw new InvalidInputException("secret name '" + name + "' must be letters, digits and _, not starting with a digit");
        if (!ctx.config().secrets().contains(name))
            ctx.io().err().println("warning: " + name + " is not declared under secrets: in " + ctx.file().getFileName());
    }
}
