package io.finbatch.jobs.events;

import io.finbatch.mappings.money.Masking;

import java.util.regex.Pattern;

/** Free text (a rejection reason, an Odoo message) made fit for an event: IBAN-like tokens masked, length cut. */
public final class EventText {

    private static final Pattern IBAN_LIKE = Pattern.compile("\\b[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}\\b");

    private EventText() {
    }

    public static String masked(String text, int max) {
        if (text == null) {
            return null;
        }
        String masked = IBAN_LIKE.matcher(text).replaceAll(m -> Masking.maskAccount(m.group()));
        return masked.length() <= max ? masked : masked.substring(0, max - 1) + "…";
    }
}
