package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.Balance;

import javax.xml.stream.XMLStreamException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads the elements of a statement that come before (or, in broken files, between) its entries:
 * identification, sequence numbers, creation time, account and balances.
 */
final class CamtStatementReader {

    private final XmlCursor cursor;

    CamtStatementReader(XmlCursor cursor) {
        this.cursor = cursor;
    }

    /** Reads the child element {@code name} of the statement, whose start tag the cursor is on. */
    void read(String name, CamtStatement statement) throws XMLStreamException {
        switch (name) {
            case "Id" -> statement.id = cursor.text();
            case "ElctrncSeqNb" -> statement.electronicSequence = cursor.text();
            case "LglSeqNb" -> statement.legalSequence = cursor.text();
            case "CreDtTm" -> statement.createdAt = cursor.text();
            case "Acct" -> readAccount(statement);
            case "Bal" -> statement.balances.add(readBalance());
            default -> cursor.skip();
        }
    }

    /** Reads a {@code Bal} whose start tag the cursor is on; only balances are read after the first entry. */
    void readLate(String name, CamtStatement statement) throws XMLStreamException {
        if (name.equals("Bal")) {
            statement.balances.add(readBalance());
        } else {
            cursor.skip();
        }
    }

    private void readAccount(CamtStatement statement) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Id" -> {
                    CamtAccountIds ids = CamtAccountIds.read(cursor);
                    statement.iban = ids.iban();
                    statement.otherAccount = ids.other();
                }
                case "Ccy" -> statement.currency = cursor.text();
                case "Svcr" -> statement.servicerBic = servicerBic();
                default -> cursor.skip();
            }
        }
    }

    private String servicerBic() throws XMLStreamException {
        String bic = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("FinInstnId")) {
                String child;
                while ((child = cursor.nextChild()) != null) {
                    if (child.equals("BIC") || child.equals("BICFI")) {
                        bic = cursor.text();
                    } else {
                        cursor.skip();
                    }
                }
            } else {
                cursor.skip();
            }
        }
        return bic;
    }

    /**
     * {@code Bal}: {@code Tp/CdOrPrtry/Cd|Prtry}, {@code Amt} with {@code Ccy}, {@code CdtDbtInd},
     * {@code Dt/Dt|DtTm}. A balance without amount cannot be used: the file is rejected. A missing date is
     * tolerated (German intraday reports omit it), and so is a missing {@code CdtDbtInd}, read as a credit
     * balance: some exporters write the indicator only for debit balances (the Lithuanian camt.053 samples
     * of Subite-eu-camt-to-coda); were the guess wrong, the statement's balance check would not add up.
     */
    private Balance readBalance() throws XMLStreamException {
        int line = cursor.line();
        int column = cursor.column();
        String type = null;
        BigDecimal amount = null;
        String currency = null;
        String direction = null;
        LocalDate date = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Tp" -> type = balanceType();
                case "Amt" -> {
                    currency = cursor.attribute("Ccy");
                    amount = value(() -> CamtValues.amount("Bal/Amt", cursor.text()));
                }
                case "CdtDbtInd" -> direction = value(() -> CamtValues.direction("Bal/CdtDbtInd", cursor.text()));
                case "Dt" -> date = balanceDate();
                default -> cursor.skip();
            }
        }
        if (amount == null) {
            throw new BalanceException("Bal has no Amt", line, column);
        }
        return new Balance(CamtValues.signed(amount, direction), currency, date, type);
    }

    private String balanceType() throws XMLStreamException {
        String type = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if ((name.equals("CdOrPrtry") || name.equals("Cd")) && type == null) {
                type = cursor.codeText();
            } else {
                cursor.skip();
            }
        }
        return type;
    }

    private LocalDate balanceDate() throws XMLStreamException {
        LocalDate date = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("Dt") || name.equals("DtTm")) {
                String element = "Bal/Dt/" + name;
                date = value(() -> CamtValues.date(element, cursor.text()));
            } else {
                cursor.skip();
            }
        }
        return date;
    }

    private interface XmlValue<T> {
        T read() throws XMLStreamException;
    }

    private <T> T value(XmlValue<T> reading) throws XMLStreamException {
        int line = cursor.line();
        int column = cursor.column();
        try {
            return reading.read();
        } catch (CamtValues.InvalidValueException e) {
            throw new BalanceException(e.getMessage(), line, column);
        }
    }

    /** A balance that cannot be read; fatal for the file. */
    static final class BalanceException extends RuntimeException {
        final int line;
        final int column;

        BalanceException(String reason, int line, int column) {
            super(reason);
            this.line = line;
            this.column = column;
        }
    }
}
