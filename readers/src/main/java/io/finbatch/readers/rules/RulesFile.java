package io.finbatch.readers.rules;

import io.finbatch.mappings.rules.BankAccount;
import io.finbatch.mappings.rules.BankLineRule;

import java.util.List;

/** What one rules file defines, with where each rule is written (for messages that combine files). */
record RulesFile(String name, List<BankAccount> accounts, List<Located<BankLineRule>> rules) {

    record Located<T>(T value, String location) {
    }
}
