package io.finbatch.bench.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkRunnerTest {

    @Test
    void readsTheResultLineOfAForkedTask() {
        var values = BenchmarkRunner.parse("RESULT task=raw-stax seconds=0.5 entries=12 sum=-3.50");
        assertThat(values).containsEntry("task", "raw-stax").containsEntry("seconds", "0.5")
                .containsEntry("entries", "12").containsEntry("sum", "-3.50");
    }

    @Test
    void everySuiteHasOneAnchorAndOnlyKnownTasks() {
        for (String suite : new String[] {"camt", "mt940"}) {
            var contenders = BenchmarkRunner.suite(suite);
            assertThat(contenders).filteredOn(c -> c.label().contains("(anchor)")).hasSize(1);
            contenders.forEach(c -> assertThat(TaskMain.task(c.task())).isNotNull());
        }
    }

    @Test
    void aCamtLineBelongsToItsEntry() {
        assertThat(EntryKeys.entryKey("/Document/BkToCstmrStmt/Stmt[2]/Ntry[14]/NtryDtls/TxDtls[3]"))
                .isEqualTo("/Document/BkToCstmrStmt/Stmt[2]/Ntry[14]");
        assertThat(EntryKeys.entryKey("line 42")).isEqualTo("line 42");
        assertThat(EntryKeys.entryKey(null)).isNull();
    }
}
