package dev.infra.core.secrets;

import java.util.Arrays;

/** A secret value that never prints itself: toString is masked. */
public final class SecretValue {
    private final char[] value;

    public SecretValue(String value) {
        this.value = value.toCharArray();
    }

    /** The value; call only where it is sent to the secrets store. */
    public String reveal() {
        return new String(value);
    }

    @Override
    public String toString() {
        return "(sensitive)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
