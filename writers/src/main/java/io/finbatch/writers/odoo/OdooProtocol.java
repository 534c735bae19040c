package io.finbatch.writers.odoo;

/** How to talk to Odoo: {@code JSON_RPC} ({@code /jsonrpc}), {@code JSON_2} ({@code /json/2/...}, 19+), or {@code AUTO}. */
public enum OdooProtocol {
    AUTO,
    JSON_RPC,
    JSON_2
}
