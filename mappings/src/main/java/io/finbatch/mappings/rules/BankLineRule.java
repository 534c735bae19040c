package io.finbatch.mappings.rules;

/**
 * A reviewed rule: when a line {@link BankLineMatch matches}, it is booked against the {@link BankLineTarget}.
 * {@code origin} says where the rule was written (file and position), for messages.
 */
public record BankLineRule(String name, String origin, BankLineMatch match, BankLineTarget target) {
}
