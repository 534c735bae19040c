package io.finbatch.mappings.consolidation;

/** What a group account is for intercompany elimination; {@link #NONE} for an external account. */
public enum IntercompanyRole {
    NONE(null, null),
    RECEIVABLE(IntercompanyCategory.RECEIVABLE_PAYABLE, AccountClass.ASSET),
    PAYABLE(IntercompanyCategory.RECEIVABLE_PAYABLE, AccountClass.LIABILITY),
    REVENUE(IntercompanyCategory.REVENUE_EXPENSE, AccountClass.INCOME),
    EXPENSE(IntercompanyCategory.REVENUE_EXPENSE, AccountClass.EXPENSE);

    private final IntercompanyCategory category;
    private final AccountClass accountClass;

    IntercompanyRole(IntercompanyCategory category, AccountClass accountClass) {
        this.category = category;
        this.accountClass = accountClass;
    }

    public boolean isIntercompany() {
        return this != NONE;
    }

    /** The category it eliminates in; null for {@link #NONE}. */
    public IntercompanyCategory category() {
        return category;
    }

    /**
     * The class an account with this role must have. Both sides of a category then translate at the same
     * rate type, so partners in one currency always match after translation.
     */
    AccountClass requiredClass() {
        return accountClass;
    }
}
