package io.finbatch.bench.run;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Prowide logs a warning per odd message through java.util.logging; silence it so it costs nothing. */
public final class ProwideLogging {

    private static final Logger PROWIDE = Logger.getLogger("com.prowidesoftware");

    private ProwideLogging() {
    }

    public static void quiet() {
        PROWIDE.setLevel(Level.OFF);
    }
}
