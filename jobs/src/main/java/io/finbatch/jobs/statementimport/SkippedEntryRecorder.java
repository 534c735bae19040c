package io.finbatch.jobs.statementimport;

import io.finbatch.mappings.money.Masking;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts each malformed entry the staging step skips into the exception queue, with a masked snippet. */
class SkippedEntryRecorder implements SkipListener<StatementEvent, StatementEvent> {

    private static final Logger log = LoggerFactory.getLogger(SkippedEntryRecorder.class);
    /** Runs of 8+ letters/digits that contain at least 6 digits: account numbers, IBANs, card numbers. */
    private static final Pattern ACCOUNT_LIKE = Pattern.compile("\\b(?=(?:[A-Z]*\\d){6})[A-Z0-9]{8,34}\\b");

    private final ImportExceptionRecorder exceptions;
    private final long fileId;
    private final long executionId;
    private final String fileName;

    SkippedEntryRecorder(ImportExceptionRecorder exceptions, long fileId, long executionId, String fileName) {
        this.exceptions = exceptions;
        this.fileId = fileId;
        this.executionId = executionId;
        this.fileName = fileName;
    }

    @Override
    public void onSkipInRead(Throwable cause) {
        if (cause instanceof MalformedEntryException entry) {
            log.warn("skipped a malformed entry: {}", entry.getMessage());
            exceptions.record(fileId, executionId, fileName, ImportExceptionRecorder.Kind.SKIPPED_ENTRY,
                    entry.location(), entry.reason(), mask(entry.snippet()));
        }
    }

    static String mask(String snippet) {
        if (snippet == null) {
            return null;
        }
        Matcher matcher = ACCOUNT_LIKE.matcher(snippet);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(Masking.maskAccount(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
