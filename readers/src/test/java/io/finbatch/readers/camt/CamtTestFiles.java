package io.finbatch.readers.camt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes deterministic camt.053.001.08 statements of any size, streaming (for the large-file test and
 * for benchmarks). Every third entry is a batch of two details with their own amounts.
 */
final class CamtTestFiles {

    private CamtTestFiles() {
    }

    /** Number of lines a statement of {@code entries} entries gives. */
    static long linesOf(int entries) {
        return entries + (entries + 2) / 3;
    }

    static Path writeStatement(Path file, int entries) throws IOException {
        BigDecimal opening = new BigDecimal("1000.00");
        BigDecimal sum = BigDecimal.ZERO;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n"
                    + "<GrpHdr><MsgId>GEN-1</MsgId><CreDtTm>2024-02-01T18:00:00+01:00</CreDtTm></GrpHdr>\n"
                    + "<Stmt><Id>GEN-STMT-1</Id><ElctrncSeqNb>1</ElctrncSeqNb>"
                    + "<CreDtTm>2024-02-01T18:00:00+01:00</CreDtTm>\n"
                    + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy>"
                    + "<Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr></Acct>\n");
            out.write(balance("OPBD", opening));
            StringBuilder entriesXml = new StringBuilder(2048);
            for (int i = 0; i < entries; i++) {
                entriesXml.setLength(0);
                boolean credit = i % 2 == 0;
                BigDecimal amount = BigDecimal.valueOf(100 + i % 9000, 2);
                if (i % 3 == 0) {
                    BigDecimal first = BigDecimal.valueOf(40 + i % 50, 2);
                    appendEntry(entriesXml, i, amount.add(first), credit, new BigDecimal[] {amount, first});
                    amount = amount.add(first);
                } else {
                    appendEntry(entriesXml, i, amount, credit, new BigDecimal[] {amount});
                }
                sum = credit ? sum.add(amount) : sum.subtract(amount);
                out.append(entriesXml);
            }
            BigDecimal closing = opening.add(sum);
            out.write(balanceAfterEntries(closing));
            out.write("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        }
        return file;
    }

    private static String balance(String code, BigDecimal amount) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount.abs()
                + "</Amt><CdtDbtInd>" + (amount.signum() < 0 ? "DBIT" : "CRDT")
                + "</CdtDbtInd><Dt><Dt>2024-02-01</Dt></Dt></Bal>\n";
    }

    /** The closing balance belongs before the entries; a generator streaming its sums writes it after (read too). */
    private static String balanceAfterEntries(BigDecimal closing) {
        return balance("CLBD", closing);
    }

    private static void appendEntry(StringBuilder xml, int i, BigDecimal amount, boolean credit, BigDecimal[] details) {
        String direction = credit ? "CRDT" : "DBIT";
        xml.append("<Ntry><NtryRef>").append(i).append("</NtryRef><Amt Ccy=\"EUR\">").append(amount)
                .append("</Amt><CdtDbtInd>").append(direction).append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                .append("<BookgDt><Dt>2024-02-01</Dt></BookgDt><ValDt><Dt>2024-02-01</Dt></ValDt>")
                .append("<AcctSvcrRef>REF").append(i).append("</AcctSvcrRef>")
                .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>").append(credit ? "RCDT" : "ICDT")
                .append("</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>");
        for (int d = 0; d < details.length; d++) {
            xml.append("<TxDtls><Refs><EndToEndId>E2E-").append(i).append('-').append(d)
                    .append("</EndToEndId></Refs><Amt Ccy=\"EUR\">").append(details[d]).append("</Amt><CdtDbtInd>")
                    .append(direction).append("</CdtDbtInd><RltdPties><")
                    .append(credit ? "Dbtr><Pty><Nm>Customer " : "Cdtr><Pty><Nm>Supplier ").append(i % 977)
                    .append("</Nm></Pty></").append(credit ? "Dbtr" : "Cdtr").append("><")
                    .append(credit ? "DbtrAcct" : "CdtrAcct")
                    .append("><Id><IBAN>DE12500105170648489890</IBAN></Id></").append(credit ? "DbtrAcct" : "CdtrAcct")
                    .append("></RltdPties><RmtInf><Ustrd>Invoice ").append(i).append(" payment</Ustrd></RmtInf></TxDtls>");
        }
        xml.append("</NtryDtls><AddtlNtryInf>SEPA transfer</AddtlNtryInf></Ntry>\n");
    }
}
