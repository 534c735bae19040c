package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.Balance;

/**
 * The balances of one statement and which of them count as opening, closing and available.
 *
 * <p>Opening is {@code OPBD}, else {@code PRCD} (the previous closing). Closing is {@code CLBD}.
 * Intraday reports (camt.052) often carry only interim booked balances ({@code ITBD}): when a statement
 * has two or more, the first is taken as opening and the last as closing (the interim balance at the
 * start and at the end of the reported period, in file order, as ISO's usage guidelines and the Finnish
 * FFFS samples give them); a single {@code ITBD} is the balance at report time, i.e. after the reported
 * entries, so it is taken as closing and the statement has no opening balance (no balance check).
 * An {@code OPBD}/{@code PRCD}/{@code CLBD} always wins over an {@code ITBD}.
 */
final class CamtBalances {

    private Balance openingBooked;
    private Balance previousClosing;
    private Balance closingBooked;
    private Balance closingAvailable;
    private Balance firstInterim;
    private Balance lastInterim;
    private int interimCount;
    private String firstCurrency;

    void add(Balance balance) {
        if (firstCurrency == null) {
            firstCurrency = balance.currency();
        }
        String type = balance.type() == null ? "" : balance.type();
        switch (type) {
            case "OPBD" -> openingBooked = first(openingBooked, balance);
            case "PRCD" -> previousClosing = first(previousClosing, balance);
            case "CLBD" -> closingBooked = first(closingBooked, balance);
            case "CLAV" -> closingAvailable = first(closingAvailable, balance);
            case "ITBD" -> {
                if (interimCount++ == 0) {
                    firstInterim = balance;
                }
                lastInterim = balance;
            }
            default -> {
                // OPAV, ITAV, FWAV, INFO...: not part of the canonical model
            }
        }
    }

    private static Balance first(Balance current, Balance candidate) {
        return current != null ? current : candidate;
    }

    Balance opening() {
        if (openingBooked != null) {
            return openingBooked;
        }
        if (previousClosing != null) {
            return previousClosing;
        }
        return interimCount >= 2 ? firstInterim : null;
    }

    Balance closing() {
        return closingBooked != null ? closingBooked : lastInterim;
    }

    Balance available() {
        return closingAvailable;
    }

    /** Currency of the first balance, for statements whose account has no {@code Ccy}. */
    String firstCurrency() {
        return firstCurrency;
    }
}
