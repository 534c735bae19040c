package io.finbatch.readers.camt;

import javax.xml.stream.XMLStreamException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads one {@code Ntry} element, from its start tag to its end tag, into a {@link CamtEntry}. Values that
 * cannot be read are recorded as the entry's problem instead of thrown, so the reader always ends on
 * the entry's end tag and the file can go on with the next entry.
 */
final class CamtEntryReader {

    private final XmlCursor cursor;
    private CamtEntry entry;
    private int entryDetailsBlocks;

    CamtEntryReader(XmlCursor cursor) {
        this.cursor = cursor;
    }

    /** Reads the entry whose start tag the cursor is on; {@code path} is its XML path. */
    CamtEntry read(String path) throws XMLStreamException {
        CamtEntry read = new CamtEntry();
        entry = read;
        entryDetailsBlocks = 0;
        read.path = path;
        read.line = cursor.line();
        read.column = cursor.column();
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "NtryRef" -> read.entryReference = cursor.text();
                case "Amt" -> read.amount = amount("Ntry/Amt");
                case "CdtDbtInd" -> read.direction = direction("Ntry/CdtDbtInd", cursor.text());
                case "RvslInd" -> read.reversal = CamtValues.indicator(cursor.text());
                case "Sts" -> read.status = cursor.codeText();
                case "BookgDt" -> read.bookingDate = date("BookgDt");
                case "ValDt" -> read.valueDate = date("ValDt");
                case "AcctSvcrRef" -> read.accountServicerReference = cursor.text();
                case "BkTxCd" -> readTransactionCode(read.code);
                case "AmtDtls" -> readAmountDetails(read.amountDetails);
                case "NtryDtls" -> readEntryDetails(++entryDetailsBlocks);
                case "AddtlNtryInf" -> read.additionalInformation = cursor.text();
                default -> cursor.skip();
            }
        }
        String position = XmlCursor.position(read.line, read.column);
        if (read.amount == null) {
            read.problem("Ntry has no Amt", position);
        } else if (read.direction == null) {
            read.problem("Ntry has no CdtDbtInd", position);
        }
        entryDetailsBlocks = 0;
        entry = null;
        return read;
    }

    private void readEntryDetails(int block) throws XMLStreamException {
        String blockPath = block == 1 ? "/NtryDtls" : "/NtryDtls[" + block + "]";
        int transactions = 0;
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Btch" -> readBatch();
                case "TxDtls" -> {
                    CamtTransaction transaction = new CamtTransaction();
                    transaction.relativePath = blockPath + "/TxDtls[" + ++transactions + "]";
                    readTransaction(transaction);
                    entry.transactions.add(transaction);
                }
                default -> cursor.skip();
            }
        }
    }

    private void readBatch() throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "MsgId" -> entry.batchMessageId = cursor.text();
                case "PmtInfId" -> entry.batchPaymentInformationId = cursor.text();
                default -> cursor.skip();
            }
        }
    }

    private void readTransaction(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Refs" -> readReferences(transaction);
                case "Amt" -> transaction.amount = amount("TxDtls/Amt");
                case "CdtDbtInd" -> transaction.direction = direction("TxDtls/CdtDbtInd", cursor.text());
                case "AmtDtls" -> readAmountDetails(transaction.amountDetails);
                case "BkTxCd" -> readTransactionCode(transaction.code);
                case "RltdPties" -> readRelatedParties(transaction);
                case "RltdAgts" -> readRelatedAgents(transaction);
                case "RmtInf" -> readRemittance(transaction);
                case "AddtlTxInf" -> transaction.additionalInformation = cursor.text();
                default -> cursor.skip();
            }
        }
    }

    private void readReferences(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "AcctSvcrRef" -> transaction.accountServicerReference = CamtValues.reference(cursor.text());
                case "MsgId" -> transaction.messageId = CamtValues.reference(cursor.text());
                case "PmtInfId" -> transaction.paymentInformationId = CamtValues.reference(cursor.text());
                case "InstrId" -> transaction.instructionId = CamtValues.reference(cursor.text());
                case "EndToEndId" -> transaction.endToEndId = CamtValues.reference(cursor.text());
                case "TxId" -> transaction.transactionId = CamtValues.reference(cursor.text());
                default -> cursor.skip();
            }
        }
    }

    private void readAmountDetails(CamtAmountDetails details) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "InstdAmt" -> details.instructed = amountAndExchange("AmtDtls/InstdAmt");
                case "TxAmt" -> details.transaction = amountAndExchange("AmtDtls/TxAmt");
                case "CntrValAmt" -> details.counterValue = amountAndExchange("AmtDtls/CntrValAmt");
                default -> cursor.skip();
            }
        }
    }

    /** {@code InstdAmt}/{@code TxAmt}/{@code CntrValAmt}: {@code Amt} plus an optional {@code CcyXchg}. */
    private CamtAmount amountAndExchange(String element) throws XMLStreamException {
        CamtAmount amount = null;
        BigDecimal rate = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Amt" -> amount = amount(element + "/Amt");
                case "CcyXchg" -> rate = exchangeRate();
                default -> cursor.skip();
            }
        }
        if (amount == null || rate == null) {
            return amount;
        }
        return new CamtAmount(amount.value(), amount.currency(), rate);
    }

    private BigDecimal exchangeRate() throws XMLStreamException {
        BigDecimal rate = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("XchgRate")) {
                try {
                    rate = CamtValues.rate(cursor.text());
                } catch (CamtValues.InvalidValueException e) {
                    entry.problem(e.getMessage(), cursor.position());
                }
            } else {
                cursor.skip();
            }
        }
        return rate;
    }

    private void readTransactionCode(CamtTransactionCode code) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Domn" -> readDomain(code);
                case "Prtry" -> code.proprietary = childText("Cd");
                default -> cursor.skip();
            }
        }
    }

    private void readDomain(CamtTransactionCode code) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Cd" -> code.domain = cursor.text();
                case "Fmly" -> {
                    String child;
                    while ((child = cursor.nextChild()) != null) {
                        switch (child) {
                            case "Cd" -> code.family = cursor.text();
                            case "SubFmlyCd" -> code.subFamily = cursor.text();
                            default -> cursor.skip();
                        }
                    }
                }
                default -> cursor.skip();
            }
        }
    }

    private void readRelatedParties(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Dbtr" -> readParty(transaction.debtor);
                case "DbtrAcct" -> readPartyAccount(transaction.debtor);
                case "Cdtr" -> readParty(transaction.creditor);
                case "CdtrAcct" -> readPartyAccount(transaction.creditor);
                default -> cursor.skip();
            }
        }
    }

    /**
     * {@code Dbtr}/{@code Cdtr}: the name is {@code Nm} up to version 07, {@code Pty/Nm} from 08 on, or
     * {@code Agt/FinInstnId/Nm} when the party is a financial institution.
     */
    private void readParty(CamtParty party) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Nm" -> party.name = cursor.text();
                case "Pty" -> readParty(party);
                case "Agt" -> readAgent(party, true);
                default -> cursor.skip();
            }
        }
    }

    /** {@code DbtrAcct}/{@code CdtrAcct}: {@code Id/IBAN} or {@code Id/Othr/Id}. */
    private void readPartyAccount(CamtParty party) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("Id")) {
                CamtAccountIds ids = CamtAccountIds.read(cursor);
                party.iban = ids.iban();
                party.other = ids.other();
            } else {
                cursor.skip();
            }
        }
    }

    private void readRelatedAgents(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "DbtrAgt" -> readAgent(transaction.debtor, false);
                case "CdtrAgt" -> readAgent(transaction.creditor, false);
                default -> cursor.skip();
            }
        }
    }

    /** {@code FinInstnId/BIC|BICFI} (and its {@code Nm} when the agent is the party itself). */
    private void readAgent(CamtParty party, boolean agentIsParty) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("FinInstnId")) {
                String child;
                while ((child = cursor.nextChild()) != null) {
                    switch (child) {
                        case "BIC", "BICFI" -> party.bic = cursor.text();
                        case "Nm" -> {
                            String agentName = cursor.text();
                            if (agentIsParty && party.name == null) {
                                party.name = agentName;
                            }
                        }
                        default -> cursor.skip();
                    }
                }
            } else {
                cursor.skip();
            }
        }
    }

    private void readRemittance(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "Ustrd" -> {
                    String text = cursor.text();
                    if (text != null) {
                        transaction.unstructured.add(text);
                    }
                }
                case "Strd" -> readStructured(transaction);
                default -> cursor.skip();
            }
        }
    }

    private void readStructured(CamtTransaction transaction) throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("CdtrRefInf")) {
                String reference = childText("Ref");
                if (transaction.creditorReference == null) {
                    transaction.creditorReference = reference;
                }
            } else {
                cursor.skip();
            }
        }
    }

    /** Text of the named child of the current element; other children are skipped. */
    private String childText(String child) throws XMLStreamException {
        String value = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals(child) && value == null) {
                value = cursor.text();
            } else {
                cursor.skip();
            }
        }
        return value;
    }

    /** {@code Amt Ccy="EUR"}: the cursor is on the start tag. */
    private CamtAmount amount(String element) throws XMLStreamException {
        String currency = cursor.attribute("Ccy");
        String text = cursor.text();
        try {
            return new CamtAmount(CamtValues.amount(element, text), currency, null);
        } catch (CamtValues.InvalidValueException e) {
            entry.problem(e.getMessage(), cursor.position());
            return null;
        }
    }

    private String direction(String element, String text) {
        try {
            return CamtValues.direction(element, text);
        } catch (CamtValues.InvalidValueException e) {
            entry.problem(e.getMessage(), cursor.position());
            return null;
        }
    }

    /** {@code BookgDt}/{@code ValDt}: {@code Dt} or {@code DtTm}, date part as written. */
    private LocalDate date(String element) throws XMLStreamException {
        LocalDate date = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("Dt") || name.equals("DtTm")) {
                String text = cursor.text();
                try {
                    date = CamtValues.date(element, name, text);
                } catch (CamtValues.InvalidValueException e) {
                    entry.problem(e.getMessage(), cursor.position());
                }
            } else {
                cursor.skip();
            }
        }
        return date;
    }
}
