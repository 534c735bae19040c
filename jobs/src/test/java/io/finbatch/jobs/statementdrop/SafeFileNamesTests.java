package io.finbatch.jobs.statementdrop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNamesTests {

    @Test
    void aNameNeverCarriesAPath() {
        assertThat(SafeFileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileNames.sanitise("C:\\bank\\..\\stmt 01.mt940")).isEqualTo("stmt_01.mt940");
        assertThat(SafeFileNames.sanitise("..")).isEqualTo("statement");
        assertThat(SafeFileNames.sanitise(".hidden")).isEqualTo("hidden");
        assertThat(SafeFileNames.sanitise(null)).isEqualTo("statement");
        assertThat(SafeFileNames.sanitise("x".repeat(300) + ".xml")).hasSize(100).endsWith(".xml");
    }
}
