package io.finbatch.jobs.close;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code finbatch.close.*}: what the month-end close checks.
 *
 * @param bankAccounts            the bank accounts (IBANs) whose statements must be present up to the period's
 *                                last business day; default the two sample accounts
 * @param maxOpenExceptions       open exceptions (import exceptions OPEN + posting items SKIPPED) the close
 *                                tolerates; one more and it stops
 * @param statementsRequiredFrom  no statement is required for a day before this date (the day statements
 *                                started to be received, e.g. the go-live); none: every business day of the period
 * @param holidays                bank holidays: days on which no statement is required (besides weekends)
 */
@ConfigurationProperties("finbatch.close")
public record CloseProperties(List<String> bankAccounts, Integer maxOpenExceptions, LocalDate statementsRequiredFrom,
        List<LocalDate> holidays) {

    static final List<String> SAMPLE_ACCOUNTS = List.of("DE89370400440532013000", "NL91ABNA0417164300");

    public CloseProperties {
        bankAccounts = bankAccounts == null ? SAMPLE_ACCOUNTS : List.copyOf(bankAccounts);
        maxOpenExceptions = maxOpenExceptions == null ? 0 : maxOpenExceptions;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
