package dev.infra.core.exec;

import dev.infra.core.plan.Change;

/** One unit of work: a replacement is a DELETE step of the old resource followed by an APPLY step of the new one. */
record Step(Kind kind, Change change) {
    enum Kind { APPLY, DELETE }

    String id() {
        return (kind == Kind.APPLY ? "apply:" : "delete:") + change.address();
    }

    static String apply(String address) {
        return "apply:" + address;
    }

    static String delete(String address) {
        return "delete:" + address;
    }
}
