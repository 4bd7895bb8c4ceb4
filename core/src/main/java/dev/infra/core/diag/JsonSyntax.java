package dev.infra.core.diag;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Where a JSON syntax error is, as a user reads the file: never the parser's own message, which names Java types. */
public final class JsonSyntax {
    private JsonSyntax() { }

    public static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "syntax error" : "syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
