package io.finbatch.writers.periods;

import java.time.Instant;
import java.time.LocalDate;

/** A governed period of an entity ({@code GROUP} for the consolidated figures). */
public record FiscalPeriod(String entity, String period, LocalDate start, LocalDate end, Instant cutoffAt,
        String status, String statusChangedBy, Instant statusChangedAt) {

    public boolean isLocked() {
        return "LOCKED".equals(status);
    }
}
