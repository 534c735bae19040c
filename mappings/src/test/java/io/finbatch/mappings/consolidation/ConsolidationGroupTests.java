package io.finbatch.mappings.consolidation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.finbatch.mappings.consolidation.SampleGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The set-up is checked when it is built, before any line is read. */
class ConsolidationGroupTests {

    private static final List<LegalEntity> ENTITIES = GROUP.entities();

    @Test
    void refusesAnIntercompanyAccountOfTheWrongClass() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GroupAccount("1200", "IC", AccountClass.LIABILITY,
                IntercompanyRole.RECEIVABLE)).withMessageContaining("must be of class ASSET");
    }

    @Test
    void refusesAMappingToAnAccountNotInTheChart() {
        AccountMapping mapping = AccountMapping.of(rule(DE, "1800", "1001"));

        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EUR", ENTITIES, CHART, mapping,
                RESERVE, IC_DIFFERENCES)).withMessage("mapping of ACME-DE 1800: group account 1001 is not in the group chart");
    }

    @Test
    void refusesAMappingOfAnUnknownEntity() {
        AccountMapping mapping = AccountMapping.of(rule("ACME-FR", "1800", CASH));

        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EUR", ENTITIES, CHART, mapping,
                RESERVE, IC_DIFFERENCES)).withMessageContaining("ACME-FR");
    }

    @Test
    void refusesALocalAccountMappedTwoWays() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccountMapping.of(rule(DE, "1800", CASH),
                rule(DE, "1800", RECEIVABLES))).withMessage("local account 1800 of ACME-DE maps to both 1000 and 1100");
    }

    @Test
    void refusesEngineAccountsThatAreMissingOrIntercompany() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EUR", ENTITIES, CHART, MAPPING,
                "3999", IC_DIFFERENCES)).withMessage("translation reserve account 3999 is not in the group chart");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EUR", ENTITIES, CHART, MAPPING,
                RESERVE, IC_RECEIVABLES)).withMessageContaining("must not be an intercompany account");
    }

    @Test
    void refusesUnknownCurrenciesAndDuplicateEntities() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EURO", ENTITIES, CHART,
                MAPPING, RESERVE, IC_DIFFERENCES)).withMessageContaining("EURO");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsolidationGroup("EUR",
                List.of(new LegalEntity(DE, "EUR"), new LegalEntity(DE, "USD")), CHART, AccountMapping.of(), RESERVE,
                IC_DIFFERENCES)).withMessage("entity ACME-DE is listed twice");
    }

    @Test
    void rateTableKnowsTheIdentityAndRefusesAmbiguity() {
        assertThat(RATES.rate("EUR", "EUR", RateType.CLOSING, PERIOD)).contains(BigDecimal.ONE);
        assertThat(RATES.rate("USD", "EUR", RateType.CLOSING, PERIOD)).contains(new BigDecimal("0.90"));
        assertThat(RATES.rate("GBP", "EUR", RateType.CLOSING, PERIOD)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> RateTable.of(CLOSING, rate(RateType.CLOSING, "0.91")))
                .withMessage("two rates for USD->EUR CLOSING 2026-10");
        assertThatIllegalArgumentException().isThrownBy(() -> RateTable.of(
                new ExchangeRate("EUR", "EUR", RateType.CLOSING, PERIOD, new BigDecimal("1.01"))));
        assertThatIllegalArgumentException().isThrownBy(() -> rate(RateType.AVERAGE, "0"));
    }
}
