package io.finbatch.mappings.consolidation;

/** Class of a group account; it decides the rate its lines are translated at. */
public enum AccountClass {
    ASSET(RateType.CLOSING),
    LIABILITY(RateType.CLOSING),
    EQUITY(RateType.HISTORICAL),
    INCOME(RateType.AVERAGE),
    EXPENSE(RateType.AVERAGE);

    private final RateType rateType;

    AccountClass(RateType rateType) {
        this.rateType = rateType;
    }

    public RateType rateType() {
        return rateType;
    }
}
