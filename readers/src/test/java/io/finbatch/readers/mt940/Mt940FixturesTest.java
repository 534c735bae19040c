package io.finbatch.readers.mt940;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import io.finbatch.readers.camt.CamtFormat;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Reads every MT940/MT942 file of the public fixtures (system property {@code finbatch.fixtures}) to its end:
 * each parses without any exception, or is listed in {@link #REJECTED} and is rejected with a
 * {@link StatementFormatException} naming the file and a line. Field values are checked against the
 * {@code *.expected.json} files by the shared harness in {@code io.finbatch.readers.fixtures}.
 */
class Mt940FixturesTest {

    /** Files rightly rejected, and why. */
    private static final Map<String, String> REJECTED = new LinkedHashMap<>();

    static {
        String singleField = "single-field fragment without :20: (a field-parser test input, not a statement)";
        String noAccount = "fragment: a :20: without :25: account identification";
        for (String file : List.of("amount_formats.sta", "currency_in_25.sta", "empty_86.sta", "empty_entry_date.sta",
                "missing_crlf_at_end.sta")) {
            REJECTED.put("WoLpH-mt940/mt940_tests/betterplace/" + file, singleField);
        }
        REJECTED.put("WoLpH-mt940/mt940_tests/betterplace/empty_line.sta", noAccount);
        for (String file : List.of("account_balance_credit.sta", "account_balance_debit.sta",
                "account_identification_iban.sta", "account_identification_legacy.sta", "available_balance.sta",
                "closing_balance.sta", "statement_details.sta", "statement_line.sta", "statement_number.sta")) {
            REJECTED.put("WoLpH-mt940/mt940_tests/cmxl/" + file, singleField);
        }
        REJECTED.put("WoLpH-mt940/mt940_tests/cmxl/reference.sta", noAccount);
        REJECTED.put("WoLpH-mt940/mt940_tests/self-provided/sparkassen.sta", "fragment: :61: and a broken ':' / '86:'"
                + " split over lines, no :20:");
        REJECTED.put("WoLpH-mt940/mt940_tests/self-provided/empty_non_swift.sta", "only an empty :NS: field: no tag"
                + " the format detection knows, no statement");
        REJECTED.put("WoLpH-mt940/mt940_tests/self-provided/invalid_statement.sta", "lines '1'..'10': not MT940");
        REJECTED.put("svenstaro-mt940-rs/tests/data/mt940/special-cases/invalid_statement.sta", "lines '1'..'10': not"
                + " MT940");
        for (String file : List.of("amount_formats.txt", "currency_in_25.txt", "empty_86.txt", "empty_entry_date.txt",
                "missing_crlf_at_end.txt")) {
            REJECTED.put("betterplace-mt940_parser/test/fixtures/" + file, singleField);
        }
        REJECTED.put("betterplace-mt940_parser/test/fixtures/empty_line.txt", noAccount);
        for (String file : List.of("account_identification_option_A_with_IBAN.sta", "account_identification_option_B.sta",
                "account_identification_option_B_with_BIC.sta", "account_identification_option_B_with_currency.sta",
                "amount_formats.sta", "currency_in_25.sta", "duplicate_spaces.sta", "empty_86.sta",
                "empty_entry_date.sta", "existing_booking_date.sta", "field_28.sta", "last_statement.sta",
                "missing_booking_date.sta", "missing_crlf_at_end.sta", "non_ref.sta", "opening_balance.sta",
                "opening_balance_with_new_line.sta", "statement_number.sta", "statement_number_sequence_number.sta")) {
            REJECTED.put("my-flow-mt940/test/fixtures/" + file, singleField);
        }
        for (String file : List.of("empty_line.sta", "line_breaks_with_rn.sta", "short_name_of_account_owner.sta")) {
            REJECTED.put("my-flow-mt940/test/fixtures/" + file, noAccount);
        }
        REJECTED.put("my-flow-mt940/test/fixtures/sepa_snippet_broken_2.sta", "no closing balance :62F: (truncated;"
                + " the source's test expects an error)");
        REJECTED.put("my-flow-mt940/test/fixtures/sepa_snippet_broken_3.sta", "ends inside a second :61:, no closing"
                + " balance (truncated; the source's test expects an error)");
        for (String file : List.of("account_balance_credit.txt", "account_balance_debit.txt",
                "account_balance_debit_broken.txt", "account_identification_iban.txt",
                "account_identification_legacy.txt", "available_balance.txt", "closing_balance.txt", "entry_date.txt",
                "floor_limit_indicator_credit.txt", "floor_limit_indicator_debit.txt", "statement_details.txt",
                "statement_details_empty_fields.txt", "statement_line.txt", "statement_number.txt",
                "statement_ocmt.txt", "statement_ocmt_chgs.txt", "statement_supplementary_plain.txt",
                "vmk_summary_credit.txt", "vmk_summary_debit.txt")) {
            REJECTED.put("railslove-cmxl/spec/fixtures/lines/" + file, singleField);
        }
        REJECTED.put("railslove-cmxl/spec/fixtures/lines/reference.txt", noAccount);
        for (String file : List.of("statement-details-mt940.txt", "statement-details-mt942.txt", "statement-mt940.txt")) {
            REJECTED.put("railslove-cmxl/spec/fixtures/" + file, "fragment of :61:/:86: (and :34F:) lines without :20:");
        }
        REJECTED.put("svenstaro-mt940-rs/tests/data/mt940/special-cases/unexpected_tag.sta", "no :25: account"
                + " identification (the source's test expects an error)");
        REJECTED.put("svenstaro-mt940-rs/tests/data/mt942/full/cmxl/mt942_1.sta", "empty file");
        REJECTED.put("OCA-bank-statement-import/10.0/account_bank_statement_import_mt940_base/test_files/"
                + "test-wrong-file.940", "starts with ':9401:', not an MT940 header (the source's test expects an error)");
        REJECTED.put("zilverline-mt940/spec/fixtures/knab/knab_invalid.txt", "the first message breaks off without"
                + " closing balance before the next {1:} block (truncated; the source's test expects an error)");
        REJECTED.put("fruitl00p-php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample2", "ends with a lone :20: (a"
                + " truncated second statement without :25:)");
    }

    @TestFactory
    Stream<DynamicTest> everyMt940FileParsesOrIsRightlyRejected() throws IOException {
        Path root = fixturesRoot();
        return mt940Files(root).map(file -> {
            String relative = root.relativize(file).toString().replace('\\', '/');
            return dynamicTest(relative, () -> check(file, relative));
        });
    }

    @Test
    void everyListedRejectionIsAFixture() {
        Path root = fixturesRoot();
        assertThat(REJECTED.keySet()).allSatisfy(relative -> assertThat(root.resolve(relative)).isRegularFile());
    }

    private static void check(Path file, String relative) {
        String reason = REJECTED.get(relative);
        if (reason == null) {
            long events = readToEnd(file);
            assertThat(events).as("events of %s", relative).isPositive();
            return;
        }
        StatementFormatException error = catchThrowableOfType(StatementFormatException.class, () -> readToEnd(file));
        assertThat(error).as("%s must be rejected: %s", relative, reason).isNotNull();
        assertThat(error).isNotInstanceOf(MalformedEntryException.class);
        assertThat(error.getMessage()).contains(file.toString(), "line ");
    }

    private static long readToEnd(Path file) {
        long events = 0;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            StatementEvent event;
            while ((event = stream.next()) != null) {
                events++;
            }
        }
        return events;
    }

    private static Stream<Path> mt940Files(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(Mt940FixturesTest::isStatementCandidate).sorted().toList();
        }
        return files.stream().filter(Mt940FixturesTest::isNotCamt);
    }

    private static boolean isStatementCandidate(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".md") || name.endsWith(".pydata")
                || name.endsWith(".zip") || name.endsWith(".xml"));
    }

    /** camt documents without the .xml extension (OCA test-camt053...) are for the camt reader. */
    private static boolean isNotCamt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            return !new CamtFormat().accepts(head, head.length);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixturesRoot() {
        String property = System.getProperty("finbatch.fixtures");
        assumeTrue(property != null && Files.isDirectory(Path.of(property)),
                "public fixtures folder not available (system property finbatch.fixtures)");
        return Path.of(property);
    }
}
