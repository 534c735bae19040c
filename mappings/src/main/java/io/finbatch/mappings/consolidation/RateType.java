package io.finbatch.mappings.consolidation;

/** Which exchange rate of a period translates an account (IAS 21 current-rate method). */
public enum RateType {
    /** Rate at the period end: balance-sheet items (assets, liabilities). */
    CLOSING,
    /** Average rate of the period: income and expenses. */
    AVERAGE,
    /** Rate of the day the equity arose, supplied per period by whoever keeps the rate table. */
    HISTORICAL
}
