package io.finbatch.mappings.consolidation;

import java.util.Objects;

/** An account of the group chart: what every entity's local accounts map to. */
public record GroupAccount(String code, String name, AccountClass accountClass, IntercompanyRole intercompanyRole) {

    public GroupAccount {
        requireText(code, "code");
        Objects.requireNonNull(accountClass, "accountClass");
        intercompanyRole = intercompanyRole == null ? IntercompanyRole.NONE : intercompanyRole;
        name = name == null ? code : name;
        if (intercompanyRole.isIntercompany() && intercompanyRole.requiredClass() != accountClass) {
            throw new IllegalArgumentException("group account " + code + ": an intercompany " + intercompanyRole
                    + " account must be of class " + intercompanyRole.requiredClass() + ", not " + accountClass);
        }
    }

    /** An external (non-intercompany) account. */
    public GroupAccount(String code, String name, AccountClass accountClass) {
        this(code, name, accountClass, IntercompanyRole.NONE);
    }

    public boolean isIntercompany() {
        return intercompanyRole.isIntercompany();
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
