package io.finbatch.readers.mt940;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountIdentificationTest {

    @Test
    void putsValidIbansIntoIbanWhateverTheirSpacingOrCurrencySuffix() {
        assertThat(AccountIdentification.parse("PL29114010810000267002001002"))
                .isEqualTo(new AccountIdentification("PL29114010810000267002001002", null, null, null));
        assertThat(AccountIdentification.parse("NL91 ABNA 0417 1643 00"))
                .isEqualTo(new AccountIdentification("NL91ABNA0417164300", null, null, null));
        assertThat(AccountIdentification.parse("NL91ABNA0417164300 EUR"))
                .isEqualTo(new AccountIdentification("NL91ABNA0417164300", null, null, "EUR"));
    }

    @Test
    void keepsOtherIdentificationsInOther() {
        assertThat(AccountIdentification.parse("50880050/0194787400888"))
                .isEqualTo(new AccountIdentification(null, "50880050/0194787400888", null, null));
        assertThat(AccountIdentification.parse("BPHKPLPK/320000546101"))
                .isEqualTo(new AccountIdentification(null, "320000546101", "BPHKPLPK", null));
        assertThat(AccountIdentification.parse("1291.99.348EUR"))
                .isEqualTo(new AccountIdentification(null, "1291.99.348", null, "EUR"));
        assertThat(AccountIdentification.parse("NL77INGB0574908765"))
                .as("IBAN-shaped but failing mod-97")
                .isEqualTo(new AccountIdentification(null, "NL77INGB0574908765", null, null));
    }
}
