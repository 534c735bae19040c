package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.AccountId;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementTrailer;

/** What is known of the current {@code Stmt}/{@code Rpt}/{@code Ntfctn} apart from its entries. */
final class CamtStatement {

    final int index;
    final String path;
    final int line;
    final int column;

    String id;
    String electronicSequence;
    String legalSequence;
    String createdAt;
    String iban;
    String otherAccount;
    String currency;
    String servicerBic;
    final CamtBalances balances = new CamtBalances();

    CamtStatement(int index, String path, int line, int column) {
        this.index = index;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /**
     * The header; the account currency is {@code Acct/Ccy}, else the first balance's, else that of the
     * first entry (a notification may give no other).
     */
    StatementHeader header(String messageCreatedAt, String firstEntryCurrency) {
        String accountCurrency = currency != null ? currency
                : balances.firstCurrency() != null ? balances.firstCurrency() : firstEntryCurrency;
        AccountId account = iban == null && otherAccount == null && accountCurrency == null && servicerBic == null
                ? null
                : new AccountId(iban, otherAccount, accountCurrency, servicerBic);
        return new StatementHeader(index, id, account, electronicSequence, legalSequence,
                createdAt != null ? createdAt : messageCreatedAt, balances.opening(), path);
    }

    StatementTrailer trailer() {
        return new StatementTrailer(balances.opening(), balances.closing(), balances.available());
    }
}
