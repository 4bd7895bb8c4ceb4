package dev.infra.cli.secrets;

import dev.infra.cli.AppContext;
import dev.infra.core.diag.InvalidInputException;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Secret names: checked for shape; a name infra.yaml does not declare is set, with a warning. */
public final class SecretNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private SecretNames() { }

    public static void check(AppContext ctx, String name) {
        checkAll(ctx, List.of(name));
    }

    /** Every bad name in one error; then a warning per name infra.yaml does not declare. */
    public static void checkAll(AppContext ctx, Collection<String> names) {
        List<String> bad = names.stream().filter(n -> !NAME.matcher(n).matches()).toList();
        if (!bad.isEmpty()) throw new InvalidInputException("secret name" + (bad.size() == 1 ? " '" : "s '") + String.join("', '", bad)
                + "' must be letters, digits and _, not starting with a digit, at most 128 characters");
        for (String n : names)
            if (!ctx.config().secrets().contains(n))
                ctx.io().err().println("warning: " + n + " is not declared under secrets: in " + ctx.file().getFileName());
    }
}
