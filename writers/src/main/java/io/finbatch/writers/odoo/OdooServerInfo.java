package io.finbatch.writers.odoo;

/** {@code server_version} ("19.0"), its major number, and whether JSON-2 is served. */
public record OdooServerInfo(String serverVersion, int major, boolean json2Available) {
}
