package dev.infra.core.plan;

/** A value known only after apply (an output of a resource that is created or replaced first). */
public enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "(known after apply)";
    }
}
