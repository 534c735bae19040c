package io.finbatch.jobs.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the application writes while it is open: every log event of the root logger (with
 * {@code io.finbatch} at DEBUG), formatted with its arguments, MDC and stack trace, and everything printed
 * on standard output and error (still passed through).
 */
final class CapturedOutput implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger finbatch = (Logger) LoggerFactory.getLogger("io.finbatch");
    private final Level finbatchLevel = finbatch.getLevel();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    CapturedOutput() {
        finbatch.setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
        System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
    }

    /** One entry per log event (level, logger, message, MDC, stack trace), then one per printed line. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events.list)) {
            String trace = event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + " "
                    + event.getMDCPropertyMap() + trace);
        }
        synchronized (printed) {
            printed.toString(StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
        return lines;
    }

    int logEvents() {
        return events.list.size();
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.detachAppender(events);
        finbatch.setLevel(finbatchLevel);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the copy is what the test reads
            }
        }
    }
}
