package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one entry into statement lines: one line per {@code TxDtls}, or one line for an entry without
 * details.
 *
 * <p>Amounts. An entry with at most one detail gives one line with the entry's booked amount (what hit
 * the account, charges included), whatever the detail says. An entry with several details (a batch
 * booking) gives each detail line its own amount in the account currency: {@code TxDtls/Amt},
 * {@code AmtDtls/TxAmt}, {@code AmtDtls/CntrValAmt} or {@code AmtDtls/InstdAmt}, the first one in the
 * entry's currency; it is signed with the detail's own {@code CdtDbtInd} where given, else with the
 * entry's. When exactly one detail has no such amount it gets what is left of the entry amount; when
 * more have none, their amount stays null rather than being invented (the statement's balance check then
 * shows the gap). Never is the entry total copied onto every detail.
 *
 * <p>Foreign currency: the line stays in the account currency; the instructed amount in another
 * currency (and the rate) goes to {@code originalAmount}.
 *
 * <p>Remittance is the detail's {@code Ustrd} lines joined by one space. {@code AddtlNtryInf} and
 * {@code AddtlTxInf} are bank narrative, kept in {@code rawInformation}; {@code AddtlNtryInf} is the
 * remittance only of an entry without any detail (then it is all the file says about the payment).
 *
 * <p>Counterparty: the debtor of a credit, the creditor of a debit, by the direction of the booking.
 * For a reversal whose file names only the other side, that side is taken (the bank repeated the
 * original payment's parties).
 */
final class CamtLineMapper {

    /** The entry's lines; {@code accountCurrency} stands in for an {@code Amt} without {@code Ccy}. */
    List<StatementLine> toLines(CamtEntry entry, String accountCurrency) {
        List<CamtTransaction> transactions = entry.transactions;
        String currency = entry.amount.currency() != null ? entry.amount.currency() : accountCurrency;
        if (transactions.size() <= 1) {
            CamtTransaction only = transactions.isEmpty() ? null : transactions.get(0);
            BigDecimal amount = CamtValues.signed(entry.amount.value(), entry.direction);
            return List.of(line(entry, only, amount, currency, entry.direction, null));
        }
        BigDecimal[] amounts = detailAmounts(entry);
        String batchReference = entry.reference();
        List<StatementLine> lines = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            CamtTransaction transaction = transactions.get(i);
            String direction = transaction.direction != null ? transaction.direction : entry.direction;
            if (amounts[i] != null && amounts[i].signum() != 0) {
                direction = amounts[i].signum() < 0 ? CamtValues.DEBIT : CamtValues.CREDIT;
            }
            lines.add(line(entry, transaction, amounts[i], currency, direction, batchReference));
        }
        return lines;
    }

    /** Signed amounts of a batch entry's details in the entry currency; null where the file gives none. */
    private static BigDecimal[] detailAmounts(CamtEntry entry) {
        List<CamtTransaction> transactions = entry.transactions;
        String currency = entry.amount.currency();
        BigDecimal[] amounts = new BigDecimal[transactions.size()];
        BigDecimal known = BigDecimal.ZERO;
        int missing = -1;
        int missingCount = 0;
        for (int i = 0; i < amounts.length; i++) {
            CamtTransaction transaction = transactions.get(i);
            CamtAmount amount = inCurrency(transaction, currency);
            if (amount == null) {
                missing = i;
                missingCount++;
            } else {
                String direction = transaction.direction != null ? transaction.direction : entry.direction;
                amounts[i] = CamtValues.signed(amount.value(), direction);
                known = known.add(amounts[i]);
            }
        }
        if (missingCount == 1) {
            amounts[missing] = CamtValues.signed(entry.amount.value(), entry.direction).subtract(known);
        }
        return amounts;
    }

    private static CamtAmount inCurrency(CamtTransaction transaction, String currency) {
        if (transaction.amount != null && sameCurrency(transaction.amount.currency(), currency)) {
            return transaction.amount;
        }
        return transaction.amountDetails.find(amount -> sameCurrency(amount.currency(), currency));
    }

    private static boolean sameCurrency(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static StatementLine line(CamtEntry entry, CamtTransaction transaction, BigDecimal amount,
            String currency, String direction, String batchReference) {
        StatementLine.Builder line = StatementLine.builder()
                .bookingDate(entry.bookingDate)
                .valueDate(entry.valueDate)
                .amount(amount)
                .currency(currency)
                .reversal(entry.reversal)
                .status(EntryStatus.fromCamt(entry.status))
                .batchReference(batchReference);
        if (transaction == null) {
            return line.bankReference(entry.accountServicerReference)
                    .transactionCode(entry.code.toModel())
                    .originalAmount(originalAmount(null, entry.amountDetails, currency))
                    .remittance(entry.additionalInformation)
                    .rawInformation(entry.additionalInformation)
                    .location(entry.path)
                    .build();
        }
        String remittance = transaction.unstructured.isEmpty() ? null : String.join(" ", transaction.unstructured);
        return line.bankReference(transaction.accountServicerReference != null
                        ? transaction.accountServicerReference : entry.accountServicerReference)
                .customerReference(transaction.instructionId)
                .endToEndId(transaction.endToEndId)
                .counterparty(counterparty(transaction, direction, entry.reversal))
                .remittance(remittance)
                .structuredReference(transaction.creditorReference)
                .transactionCode(transactionCode(entry, transaction))
                .originalAmount(originalAmount(transaction, transaction.amountDetails.isEmpty()
                        ? entry.amountDetails : transaction.amountDetails, currency))
                .rawInformation(rawInformation(transaction.additionalInformation, entry.additionalInformation))
                .location(entry.path + transaction.relativePath)
                .build();
    }

    /** The entry's code classifies the booking; a detail's own code is used only when the entry has none. */
    private static TransactionCode transactionCode(CamtEntry entry, CamtTransaction transaction) {
        return entry.code.isEmpty() ? transaction.code.toModel() : entry.code.toModel();
    }

    private static Counterparty counterparty(CamtTransaction transaction, String direction, boolean reversal) {
        boolean credit = !CamtValues.DEBIT.equals(direction);
        CamtParty party = credit ? transaction.debtor : transaction.creditor;
        if (reversal && party.isEmpty()) {
            party = credit ? transaction.creditor : transaction.debtor;
        }
        return party.isEmpty() ? null : new Counterparty(party.name, party.iban, party.other, party.bic);
    }

    /** The amount in a currency other than the line's, as instructed, with the rate applied. */
    private static OriginalAmount originalAmount(CamtTransaction transaction, CamtAmountDetails details,
            String currency) {
        CamtAmount foreign = null;
        if (details.instructed != null && !sameCurrency(details.instructed.currency(), currency)) {
            foreign = details.instructed;
        } else if (transaction != null && transaction.amount != null
                && !sameCurrency(transaction.amount.currency(), currency)
                && (details.instructed == null)) {
            foreign = transaction.amount;
        }
        if (foreign == null || foreign.currency() == null) {
            return null;
        }
        BigDecimal rate = foreign.rate() != null ? foreign.rate() : details.anyRate();
        return new OriginalAmount(foreign.value(), foreign.currency(), rate);
    }

    private static String rawInformation(String transactionInformation, String entryInformation) {
        if (transactionInformation == null) {
            return entryInformation;
        }
        if (entryInformation == null || entryInformation.equals(transactionInformation)) {
            return transactionInformation;
        }
        return transactionInformation + "\n" + entryInformation;
    }
}
