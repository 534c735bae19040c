package io.finbatch.bench.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes one camt.053.001.08 document ({@code BkToCstmrStmt}) of about a given size: statements of many
 * made-up accounts, day after day, with opening and closing booked balances that add up (pending entries
 * are left out of the balances), entries with 1..5 {@code TxDtls} (batches carry {@code Btch} and one
 * amount per detail), long {@code Ustrd} remittance (up to 140 characters, several lines), ISO 11649
 * structured creditor references, foreign currency with {@code AmtDtls/InstdAmt/CcyXchg}, a few
 * reversals and pending entries. Deterministic: the same seed and size give the same bytes.
 */
public final class CamtGenerator {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static final int ACCOUNTS = 40;
    private static final String[] FOREIGN = {"USD", "GBP", "CHF", "JPY", "SEK", "PLN"};

    private final Random random;
    private final long seed;
    private final List<Account> accounts = new ArrayList<>();
    private LocalDate day = LocalDate.of(2025, 1, 2);
    private long entryRef;

    private long statements;
    private long entries;
    private long details;
    private long pending;
    private BigDecimal signedSum = BigDecimal.ZERO;

    private CamtGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        for (int i = 0; i < ACCOUNTS; i++) {
            String currency = i % 20 == 7 ? "CHF" : i % 20 == 13 ? "USD" : "EUR";
            accounts.add(new Account(Ibans.german(random), currency, Words.company(random), Ibans.bic(random, "DE"),
                    Money.randomAmount(random, 5_000_000)));
        }
    }

    /** Writes the file and its {@code .facts} sidecar; stops at the first statement boundary past {@code targetBytes}. */
    public static DataFacts generate(Path file, long targetBytes, long seed) throws IOException {
        CamtGenerator generator = new CamtGenerator(seed);
        long bytes;
        try (CountingSink sink = new CountingSink(file, StandardCharsets.UTF_8)) {
            generator.write(sink, targetBytes);
            bytes = sink.bytes();
        }
        DataFacts facts = new DataFacts("camt.053.001.08", bytes, generator.statements, generator.entries,
                generator.details, generator.pending, generator.signedSum, seed);
        facts.writeBeside(file);
        return facts;
    }

    private void write(CountingSink sink, long targetBytes) throws IOException {
        StringBuilder head = new StringBuilder(512);
        head.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Document xmlns=\"").append(NAMESPACE)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        XmlText xml = new XmlText(head, 1);
        xml.open("BkToCstmrStmt").open("GrpHdr")
                .leaf("MsgId", "FINBENCH-" + seed + "-" + Long.toString(targetBytes, 36).toUpperCase())
                .leaf("CreDtTm", "2025-12-31T23:15:00+01:00")
                .open("MsgPgntn").leaf("PgNb", "1").leaf("LastPgInd", "true").close("MsgPgntn")
                .close("GrpHdr");
        sink.write(head);
        int next = 0;
        StringBuilder statement = new StringBuilder(1 << 21);
        while (sink.bytes() < targetBytes) {
            statement.setLength(0);
            writeStatement(statement, accounts.get(next));
            sink.write(statement);
            if (++next == accounts.size()) {
                next = 0;
                day = nextBusinessDay(day);
            }
        }
        sink.write(" </BkToCstmrStmt>\n</Document>\n");
    }

    private void writeStatement(StringBuilder out, Account account) {
        int count = 5 + random.nextInt(400);
        StringBuilder ntries = new StringBuilder(count * 3000);
        XmlText entryXml = new XmlText(ntries, 3);
        long opening = account.balance;
        long credits = 0;
        long debits = 0;
        int creditCount = 0;
        int debitCount = 0;
        for (int i = 0; i < count; i++) {
            long signed = writeEntry(entryXml, account);
            if (signed != Long.MIN_VALUE) {
                if (signed >= 0) {
                    credits += signed;
                    creditCount++;
                } else {
                    debits -= signed;
                    debitCount++;
                }
                account.balance += signed;
            }
        }
        account.sequence++;
        statements++;
        int decimals = Money.decimals(account.currency);
        String date = day.toString();
        XmlText xml = new XmlText(out, 2);
        xml.open("Stmt")
                .leaf("Id", "STMT-" + account.iban.substring(12) + "-" + date.replace("-", "") + "-" + account.sequence)
                .open("StmtPgntn").leaf("PgNb", "1").leaf("LastPgInd", "true").close("StmtPgntn")
                .leaf("ElctrncSeqNb", Integer.toString(account.sequence))
                .leaf("LglSeqNb", Integer.toString(account.sequence))
                .leaf("CreDtTm", date + "T22:30:00+01:00")
                .open("FrToDt").leaf("FrDtTm", date + "T00:00:00+01:00").leaf("ToDtTm", date + "T23:59:59+01:00")
                .close("FrToDt")
                .open("Acct").open("Id").leaf("IBAN", account.iban).close("Id").leaf("Ccy", account.currency)
                .open("Ownr").leaf("Nm", account.owner).close("Ownr")
                .open("Svcr").open("FinInstnId").leaf("BICFI", account.bic).close("FinInstnId").close("Svcr")
                .close("Acct");
        balance(xml, "PRCD", account.currency, opening, day.minusDays(1));
        balance(xml, "OPBD", account.currency, opening, day);
        balance(xml, "CLBD", account.currency, account.balance, day);
        balance(xml, "CLAV", account.currency, account.balance, day);
        long net = credits - debits;
        xml.open("TxsSummry")
                .open("TtlNtries").leaf("NbOfNtries", Integer.toString(creditCount + debitCount))
                .leaf("Sum", Money.format(credits + debits, decimals, '.'))
                .open("TtlNetNtry").leaf("Amt", Money.format(net, decimals, '.'))
                .leaf("CdtDbtInd", net >= 0 ? "CRDT" : "DBIT").close("TtlNetNtry").close("TtlNtries")
                .open("TtlCdtNtries").leaf("NbOfNtries", Integer.toString(creditCount))
                .leaf("Sum", Money.format(credits, decimals, '.')).close("TtlCdtNtries")
                .open("TtlDbtNtries").leaf("NbOfNtries", Integer.toString(debitCount))
                .leaf("Sum", Money.format(debits, decimals, '.')).close("TtlDbtNtries")
                .close("TxsSummry");
        out.append(ntries);
        xml.leaf("AddtlStmtInf", "Generated statement, not a real account");
        xml.close("Stmt");
    }

    private static void balance(XmlText xml, String type, String currency, long amount, LocalDate date) {
        xml.open("Bal").open("Tp").open("CdOrPrtry").leaf("Cd", type).close("CdOrPrtry").close("Tp")
                .amount("Amt", currency, amount, Money.decimals(currency))
                .leaf("CdtDbtInd", amount >= 0 ? "CRDT" : "DBIT")
                .open("Dt").leaf("Dt", date.toString()).close("Dt")
                .close("Bal");
    }

    private enum Kind { INCOMING, OUTGOING, DIRECT_DEBIT, BATCH, FOREIGN, CHARGES }

    private Kind kind() {
        int n = random.nextInt(100);
        if (n < 33) {
            return Kind.INCOMING;
        }
        if (n < 56) {
            return Kind.OUTGOING;
        }
        if (n < 68) {
            return Kind.DIRECT_DEBIT;
        }
        if (n < 88) {
            return Kind.BATCH;
        }
        return n < 95 ? Kind.FOREIGN : Kind.CHARGES;
    }

    /** Writes one Ntry; returns its signed amount in minor units, or Long.MIN_VALUE for a pending entry. */
    private long writeEntry(XmlText xml, Account account) {
        Kind kind = kind();
        boolean credit = switch (kind) {
            case INCOMING -> true;
            case OUTGOING, DIRECT_DEBIT, CHARGES -> false;
            case BATCH, FOREIGN -> random.nextInt(3) == 0;
        };
        boolean reversal = random.nextInt(100) == 0;
        boolean isPending = random.nextInt(100) < 3;
        String currency = account.currency;
        int decimals = Money.decimals(currency);
        int detailCount = kind == Kind.BATCH ? 2 + random.nextInt(4) : 1;
        long[] parts = new long[detailCount];
        long total = 0;
        for (int i = 0; i < detailCount; i++) {
            parts[i] = Money.randomAmount(random, kind == Kind.CHARGES ? 500 : kind == Kind.BATCH ? 40_000 : 60_000);
            total += parts[i];
        }
        String direction = credit ? "CRDT" : "DBIT";
        String reference = Long.toString(1_000_000_000L + ++entryRef);
        String[] code = bankTransactionCode(kind, credit);

        xml.open("Ntry")
                .leaf("NtryRef", reference)
                .amount("Amt", currency, total, decimals)
                .leaf("CdtDbtInd", direction);
        if (reversal) {
            xml.leaf("RvslInd", "true");
        }
        xml.open("Sts").leaf("Cd", isPending ? "PDNG" : "BOOK").close("Sts");
        if (!isPending) {
            xml.open("BookgDt").leaf("Dt", day.toString()).close("BookgDt");
        }
        xml.open("ValDt").leaf("Dt", (random.nextInt(5) == 0 ? day.plusDays(1) : day).toString()).close("ValDt")
                .leaf("AcctSvcrRef", "ASR" + Ibans.alnum(random, 13));
        bankTransactionCode(xml, code);
        xml.open("NtryDtls");
        if (detailCount > 1) {
            xml.open("Btch").leaf("MsgId", "BATCH-" + Ibans.alnum(random, 10))
                    .leaf("PmtInfId", "PMTINF-" + Ibans.alnum(random, 12))
                    .leaf("NbOfTxs", Integer.toString(detailCount))
                    .amount("TtlAmt", currency, total, decimals).leaf("CdtDbtInd", direction).close("Btch");
        }
        for (int i = 0; i < detailCount; i++) {
            writeTransaction(xml, account, kind, credit, parts[i], detailCount > 1, code);
        }
        xml.close("NtryDtls");
        xml.leaf("AddtlNtryInf", additionalEntryInformation(kind, credit));
        xml.close("Ntry");

        entries++;
        details += detailCount;
        BigDecimal signed = Money.toDecimal(credit ? total : -total, decimals);
        signedSum = signedSum.add(signed);
        if (isPending) {
            pending++;
            return Long.MIN_VALUE;
        }
        return credit ? total : -total;
    }

    private void writeTransaction(XmlText xml, Account account, Kind kind, boolean credit, long amount,
            boolean inBatch, String[] code) {
        String currency = account.currency;
        int decimals = Money.decimals(currency);
        xml.open("TxDtls");
        xml.open("Refs");
        xml.leaf("AcctSvcrRef", "TX" + Ibans.alnum(random, 14));
        if (kind != Kind.CHARGES) {
            xml.leaf("PmtInfId", inBatch ? "PI" + Ibans.alnum(random, 12) : null)
                    .leaf("InstrId", random.nextInt(4) == 0 ? null : "INSTR-" + Ibans.digits(random, 10))
                    .leaf("EndToEndId", random.nextInt(5) == 0 ? "NOTPROVIDED" : "E2E-" + Ibans.alnum(random, 20))
                    .leaf("TxId", "TXID" + Ibans.alnum(random, 12));
            if (kind == Kind.DIRECT_DEBIT) {
                xml.leaf("MndtId", "MANDATE-" + Ibans.digits(random, 8));
            }
        }
        xml.close("Refs");

        String foreign = null;
        long foreignAmount = 0;
        String rate = null;
        if (kind == Kind.FOREIGN) {
            foreign = Words.pick(random, FOREIGN);
            if (foreign.equals(currency)) {
                foreign = "EUR";
            }
            double r = 0.5 + random.nextDouble() * 1.5;
            int foreignDecimals = Money.decimals(foreign);
            foreignAmount = Math.max(1, Math.round(amount / r * Math.pow(10, foreignDecimals - decimals)));
            rate = String.format(java.util.Locale.ROOT, "%.6f", r);
        }
        boolean amountInForeign = foreign != null && random.nextBoolean();
        if (amountInForeign) {
            xml.amount("Amt", foreign, foreignAmount, Money.decimals(foreign));
        } else {
            xml.amount("Amt", currency, amount, decimals);
        }
        xml.leaf("CdtDbtInd", credit ? "CRDT" : "DBIT");
        if (foreign != null) {
            xml.open("AmtDtls")
                    .open("InstdAmt").amount("Amt", foreign, foreignAmount, Money.decimals(foreign))
                    .open("CcyXchg").leaf("SrcCcy", foreign).leaf("TrgtCcy", currency).leaf("UnitCcy", foreign)
                    .leaf("XchgRate", rate).close("CcyXchg").close("InstdAmt")
                    .open("TxAmt").amount("Amt", currency, amount, decimals).close("TxAmt")
                    .close("AmtDtls");
        }
        if (inBatch) {
            bankTransactionCode(xml, code);
        }
        if (kind != Kind.CHARGES) {
            String otherIban = foreign != null && random.nextBoolean() ? Ibans.sepa(random) : Ibans.german(random);
            String otherName = Words.party(random);
            xml.open("RltdPties");
            party(xml, "Dbtr", "DbtrAcct", credit ? otherName : account.owner, credit ? otherIban : account.iban,
                    credit && random.nextInt(4) == 0, null);
            if (credit && random.nextInt(6) == 0) {
                xml.open("UltmtDbtr").open("Pty").leaf("Nm", Words.party(random)).close("Pty").close("UltmtDbtr");
            }
            party(xml, "Cdtr", "CdtrAcct", credit ? account.owner : otherName, credit ? account.iban : otherIban,
                    !credit && random.nextInt(4) == 0,
                    kind == Kind.DIRECT_DEBIT ? "DE" + Ibans.digits(random, 2) + "ZZZ" + Ibans.digits(random, 11) : null);
            xml.close("RltdPties");
            xml.open("RltdAgts")
                    .open("DbtrAgt").open("FinInstnId").leaf("BICFI", Ibans.bic(random, "DE")).close("FinInstnId")
                    .close("DbtrAgt")
                    .open("CdtrAgt").open("FinInstnId").leaf("BICFI", Ibans.bic(random, "DE")).close("FinInstnId")
                    .close("CdtrAgt")
                    .close("RltdAgts");
            if (random.nextInt(8) == 0) {
                xml.open("Purp").leaf("Cd", Words.pick(random, new String[] {"SALA", "SUPP", "RENT", "TAXS", "GDDS"}))
                        .close("Purp");
            }
            remittance(xml);
        }
        if (kind == Kind.CHARGES || random.nextInt(3) == 0) {
            xml.leaf("AddtlTxInf", kind == Kind.CHARGES ? "Kontoführungsentgelt " + day.getMonthValue() + "/"
                    + day.getYear() : Words.purpose(random, 20 + random.nextInt(80)));
        }
        xml.close("TxDtls");
    }

    private void party(XmlText xml, String role, String accountRole, String name, String iban, boolean address,
            String schemeId) {
        xml.open(role).open("Pty").leaf("Nm", name);
        if (address) {
            xml.open("PstlAdr").leaf("StrtNm", Words.street(random)).leaf("BldgNb", Integer.toString(1 + random.nextInt(120)))
                    .leaf("PstCd", Ibans.digits(random, 5)).leaf("TwnNm", Words.town(random)).leaf("Ctry", "DE")
                    .close("PstlAdr");
        }
        if (schemeId != null) {
            xml.open("Id").open("PrvtId").open("Othr").leaf("Id", schemeId)
                    .open("SchmeNm").leaf("Prtry", "SEPA").close("SchmeNm").close("Othr").close("PrvtId").close("Id");
        }
        xml.close("Pty").close(role);
        xml.open(accountRole).open("Id").leaf("IBAN", iban).close("Id").close(accountRole);
    }

    private void remittance(XmlText xml) {
        xml.open("RmtInf");
        if (random.nextInt(5) == 0) {
            xml.open("Strd").open("CdtrRefInf")
                    .open("Tp").open("CdOrPrtry").leaf("Cd", "SCOR").close("CdOrPrtry").close("Tp")
                    .leaf("Ref", Ibans.creditorReference(Ibans.alnum(random, 6 + random.nextInt(15))))
                    .close("CdtrRefInf").close("Strd");
        } else {
            int lines = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0);
            for (int i = 0; i < lines; i++) {
                xml.leaf("Ustrd", Words.purpose(random, 30 + random.nextInt(111)));
            }
        }
        xml.close("RmtInf");
    }

    private static String[] bankTransactionCode(Kind kind, boolean credit) {
        return switch (kind) {
            case INCOMING -> new String[] {"PMNT", "RCDT", "ESCT", "NTRF+166"};
            case OUTGOING -> new String[] {"PMNT", "ICDT", "ESCT", "NTRF+116"};
            case DIRECT_DEBIT -> new String[] {"PMNT", "IDDT", "ESDD", "NDDT+105"};
            case BATCH -> credit ? new String[] {"PMNT", "RDDT", "ESDD", "NDDT+171"}
                    : new String[] {"PMNT", "ICDT", "ESCT", "NTRF+191"};
            case FOREIGN -> credit ? new String[] {"PMNT", "RCDT", "XBCT", "NTRF+202"}
                    : new String[] {"PMNT", "ICDT", "XBCT", "NTRF+212"};
            case CHARGES -> new String[] {"ACMT", "MDOP", "CHRG", "NCHG+805"};
        };
    }

    private static void bankTransactionCode(XmlText xml, String[] code) {
        xml.open("BkTxCd").open("Domn").leaf("Cd", code[0]).open("Fmly").leaf("Cd", code[1])
                .leaf("SubFmlyCd", code[2]).close("Fmly").close("Domn")
                .open("Prtry").leaf("Cd", code[3]).leaf("Issr", "DK").close("Prtry").close("BkTxCd");
    }

    private static String additionalEntryInformation(Kind kind, boolean credit) {
        return switch (kind) {
            case INCOMING -> "SEPA Gutschrift";
            case OUTGOING -> "SEPA Überweisung";
            case DIRECT_DEBIT -> "SEPA Basislastschrift";
            case BATCH -> credit ? "SEPA Lastschrifteinzug Sammler" : "SEPA Sammelüberweisung";
            case FOREIGN -> credit ? "Auslandszahlungseingang" : "Auslandsüberweisung";
            case CHARGES -> "Entgelt";
        };
    }

    static LocalDate nextBusinessDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static final class Account {
        final String iban;
        final String currency;
        final String owner;
        final String bic;
        long balance;
        int sequence;

        Account(String iban, String currency, String owner, String bic, long balance) {
            this.iban = iban;
            this.currency = currency;
            this.owner = owner;
            this.bic = bic;
            this.balance = balance;
        }
    }
}
