package io.finbatch.writers.odoo;

/** How calls reach Odoo: {@link JsonRpcTransport} ({@code /jsonrpc}) or {@link Json2Transport} ({@code /json/2}). */
interface OdooTransport {

    OdooProtocol protocol();

    /** The uid of the configured login, asked once and cached. */
    long authenticate();

    /** Sends the call (with retries where safe) and returns Odoo's result as plain Java values. */
    Object execute(ModelCall call);
}
