package io.finbatch.jobs.banklines;

import io.finbatch.mappings.statement.StatementLine;

/** A staged statement line ({@code statement_line.id}) with the file it came from, as the mapping reads it. */
record StagedLine(long id, long fileId, String fileName, String accountKey, StatementLine line) {
}
