package io.finbatch.bench.run;

import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer: Prowide ISO 20022 parsing the whole camt.053.001.08 file into its JAXB model. MX parsing needs
 * the whole message in memory, so the timed part reads the file into a String and parses it; the JAXB
 * context is created beforehand in {@link #prepare()} (untimed: an application caches it once) and handed
 * in through {@link MxReadConfiguration}. The walk over the model that counts entries is timed too (it is
 * cheap next to the parse).
 */
public final class ProwideCamtParse implements BenchTask {

    private MxReadConfiguration configuration;

    @Override
    public void prepare() throws Exception {
        ProwideLogging.quiet();
        configuration = new MxReadConfiguration();
        configuration.context = JaxbContextLoader.INSTANCE.get(MxCamt05300108.class, MxCamt05300108._classes);
    }

    @Override
    public TaskResult run(Path file) throws Exception {
        String xml = Files.readString(file);
        MxCamt05300108 message = MxCamt05300108.parse(xml, configuration);
        xml = null;
        if (message == null || message.getBkToCstmrStmt() == null) {
            throw new IllegalStateException("Prowide returned no camt.053.001.08 message for " + file);
        }
        long statements = 0;
        long entries = 0;
        long details = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (AccountStatement9 statement : message.getBkToCstmrStmt().getStmt()) {
            statements++;
            for (ReportEntry10 entry : statement.getNtry()) {
                entries++;
                BigDecimal amount = entry.getAmt().getValue();
                sum = sum.add(entry.getCdtDbtInd() == CreditDebitCode.DBIT ? amount.negate() : amount);
                long txDetails = 0;
                for (EntryDetails9 block : entry.getNtryDtls()) {
                    txDetails += block.getTxDtls().size();
                }
                details += Math.max(1, txDetails);
            }
        }
        return new TaskResult(statements, entries, details, sum, 0, 0, message);
    }
}
