package io.finbatch.bench.data;

import io.finbatch.mappings.money.Iban;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IbansTest {

    @Test
    void generatedIbansPassTheProjectsOwnMod97Check() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            assertThat(Iban.isValid(Ibans.german(random))).isTrue();
            assertThat(Iban.isValid(Ibans.sepa(random))).isTrue();
        }
    }

    @Test
    void knownIbanGetsItsCheckDigits() {
        // the ISO 13616 example account 370400440532013000 at bank 37040044
        assertThat(Ibans.withCheckDigits("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
    }

    @Test
    void creditorReferencesAreIso11649() {
        assertThat(Ibans.creditorReference("539007547034")).isEqualTo("RF18539007547034");
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            assertThat(Ibans.passesMod97(Ibans.creditorReference(Ibans.alnum(random, 12)))).isTrue();
        }
    }
}
