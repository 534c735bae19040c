package io.finbatch.mappings.rules;

/**
 * One of our bank accounts as the rules know it: its key (the IBAN, else the statement's other account
 * id), the entity that owns it, the local ledger account that mirrors it, and the ledger currency
 * (null when not stated: then lines of any currency are mapped).
 */
public record BankAccount(String key, String entity, String ledgerAccount, String currency) {
}
