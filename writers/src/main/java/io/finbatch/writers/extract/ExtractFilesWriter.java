package io.finbatch.writers.extract;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the rows of an extract to each of its formats at once, in one pass over the cursor, and counts
 * them: the row count and the sums of the control-total columns are saved in the step's execution context
 * at every chunk ({@link #ROWS}, {@link #TOTAL_PREFIX}) for the manifest. Checks on the way that the sort
 * columns are a key (two rows equal on them would make the order, hence the file, depend on the database).
 * The files are completed on {@link #close}.
 */
public class ExtractFilesWriter implements ItemStreamWriter<ExtractRow> {

    public static final String ROWS = "extract.rows";
    public static final String TOTAL_PREFIX = "extract.total.";

    private final ExtractDefinition definition;
    private final Path directory;
    private final String period;
    private final Instant asOf;
    private final Map<String, String> parameters;
    private final int xlsxWindow;
    private final int[] sortColumns;
    private final int[] totalColumns;
    private final BigDecimal[] totals;
    private final List<ExtractFileWriter> writers = new ArrayList<>();
    private ExtractRow previousRow;
    private long rows;
    private boolean closed;

    public ExtractFilesWriter(ExtractDefinition definition, Path directory, String period, Instant asOf,
            Map<String, String> parameters, int xlsxWindow) {
        this.definition = definition;
        this.directory = directory;
        this.period = period;
        this.asOf = asOf;
        this.parameters = parameters;
        this.xlsxWindow = xlsxWindow;
        this.sortColumns = definition.sort().stream().mapToInt(definition::columnIndex).toArray();
        this.totalColumns = definition.controlTotals().stream().mapToInt(definition::columnIndex).toArray();
        this.totals = new BigDecimal[totalColumns.length];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = BigDecimal.ZERO.setScale(definition.columns().get(totalColumns[i]).decimals());
        }
    }

    /** The file each format goes to: {@code <directory>/<name>_<period>.<ext>}. */
    public Map<ExtractFormat, Path> files() {
        Map<ExtractFormat, Path> files = new LinkedHashMap<>();
        for (ExtractFormat format : definition.formats()) {
            files.put(format, directory.resolve(definition.fileName(period, format)));
        }
        return files;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            for (Map.Entry<ExtractFormat, Path> file : files().entrySet()) {
                writers.add(ExtractFileWriter.open(file.getKey(), file.getValue(), definition, xlsxWindow));
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot create the files of " + definition.name() + " in " + directory, e);
        }
    }

    @Override
    public void write(Chunk<? extends ExtractRow> chunk) throws IOException {
        for (ExtractRow row : chunk) {
            checkKey(row);
            for (int i = 0; i < totalColumns.length; i++) {
                Object value = row.get(totalColumns[i]);
                if (value instanceof BigDecimal amount) {
                    totals[i] = totals[i].add(amount);
                } else if (value instanceof Long number) {
                    totals[i] = totals[i].add(BigDecimal.valueOf(number));
                }
            }
            rows++;
            for (ExtractFileWriter writer : writers) {
                writer.write(row);
            }
        }
    }

    private void checkKey(ExtractRow row) {
        ExtractRow previous = previousRow;
        previousRow = row;
        if (previous == null) {
            return;
        }
        for (int i = sortColumns.length - 1; i >= 0; i--) { // the last sort column differs most often
            if (!Objects.equals(previous.get(sortColumns[i]), row.get(sortColumns[i]))) {
                return;
            }
        }
        Object[] key = new Object[sortColumns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row.get(sortColumns[i]);
        }
        throw new IllegalStateException(definition.name() + ": rows " + rows + " and " + (rows + 1)
                + " are equal on the sort columns " + definition.sort() + " " + Arrays.toString(key)
                + ": the sort must be a key of the result, or the order of the file is not reproducible");
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS, rows);
        for (int i = 0; i < totals.length; i++) {
            context.putString(TOTAL_PREFIX + definition.controlTotals().get(i), totals[i].toPlainString());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ExtractSummary summary = summary();
        IOException failure = null;
        for (ExtractFileWriter writer : writers) {
            try {
                writer.finish(summary);
            } catch (IOException | RuntimeException e) {
                IOException io = e instanceof IOException x ? x : new IOException(e);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
                try {
                    writer.close();
                } catch (IOException ignored) {
                    failure.addSuppressed(ignored);
                }
            }
        }
        if (failure != null) {
            throw new ItemStreamException("cannot complete the files of " + definition.name(),
                    new UncheckedIOException(failure));
        }
    }

    public ExtractSummary summary() {
        return new ExtractSummary(period, asOf, parameters, rows, totalsByColumn());
    }

    private Map<String, BigDecimal> totalsByColumn() {
        Map<String, BigDecimal> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < totals.length; i++) {
            byColumn.put(definition.controlTotals().get(i), totals[i]);
        }
        return byColumn;
    }

    /** The row count and control totals a writer saved in a step's execution context. */
    public static ExtractSummary saved(ExecutionContext context, ExtractDefinition definition, String period,
            Instant asOf, Map<String, String> parameters) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String column : definition.controlTotals()) {
            totals.put(column, new BigDecimal(context.getString(TOTAL_PREFIX + column)));
        }
        return new ExtractSummary(period, asOf, parameters, context.getLong(ROWS), totals);
    }
}
