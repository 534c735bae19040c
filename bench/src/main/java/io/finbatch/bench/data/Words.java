package io.finbatch.bench.data;

import java.util.Random;

/** Made-up names, places and purposes for generated statements: plausible text, nobody real. */
final class Words {

    private static final String[] COMPANY_STEMS = {"Nordlicht", "Bergwerk", "Elbtal", "Sonnenhof", "Rheinblick",
        "Kranich", "Eichenlaub", "Weserland", "Hafenkontor", "Lindenbaum", "Falkenstein", "Tannenweg",
        "Mühlbach", "Rosengarten", "Isarwerk", "Seeblick", "Grünfeld", "Alpenrose", "Brückner", "Steinbock"};
    private static final String[] COMPANY_FORMS = {"GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "UG (haftungsbeschränkt)",
        "OHG", "eG", "SE", "B.V."};
    private static final String[] TRADES = {"Logistik", "Bau", "Handel", "Elektro", "Software", "Druck",
        "Gastronomie", "Metall", "Consulting", "Haustechnik", "Immobilien", "Energie", "Medien", "Spedition"};
    private static final String[] GIVEN = {"Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie", "Lukas",
        "Emma", "Ben", "Jörg", "Søren", "Zoë", "Małgorzata", "Timo", "Ines"};
    private static final String[] FAMILY = {"Albers", "Brandt", "Claasen", "Dörfler", "Eggers", "Fährmann", "Gödeke",
        "Hansen", "Iwersen", "Jakobs", "Kühl", "Lorenzen", "Meinert", "Nissen", "Oltmanns", "Petersen"};
    private static final String[] STREETS = {"Hauptstraße", "Bahnhofstr.", "Am Markt", "Industrieweg", "Lindenallee",
        "Hafenstraße", "Schulweg", "Gartenstraße", "Mühlenweg", "Kirchplatz"};
    private static final String[] TOWNS = {"Hamburg", "Köln", "Leipzig", "Münster", "Kiel", "Ulm", "Bremen",
        "Würzburg", "Rostock", "Mainz", "Passau", "Görlitz"};
    private static final String[] PURPOSES = {"Rechnung", "Rg.", "Invoice", "Gutschrift", "Abschlag", "Miete",
        "Wartungsvertrag", "Lieferung", "Bestellung", "Kundennummer", "Vertrag", "Beitrag", "Leasingrate"};
    private static final String[] FILLER = {"vielen Dank", "Zahlung fristgerecht", "inkl. 19% MwSt.",
        "abzgl. 2% Skonto", "gem. Vereinbarung", "Teilzahlung", "Restbetrag", "laut Angebot", "Zeitraum",
        "Position", "Leistung", "Projekt", "Kostenstelle", "Auftrag", "per", "bis", "und", "für"};

    private Words() {
    }

    static String company(Random random) {
        String stem = pick(random, COMPANY_STEMS);
        return random.nextInt(3) == 0
                ? stem + " " + pick(random, TRADES) + " " + pick(random, COMPANY_FORMS)
                : stem + " " + pick(random, COMPANY_FORMS);
    }

    static String person(Random random) {
        return pick(random, GIVEN) + " " + pick(random, FAMILY);
    }

    static String party(Random random) {
        return random.nextInt(4) == 0 ? person(random) : company(random);
    }

    static String street(Random random) {
        return pick(random, STREETS);
    }

    static String town(Random random) {
        return pick(random, TOWNS);
    }

    /** Remittance text of about {@code length} characters (never more). */
    static String purpose(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 20);
        text.append(pick(random, PURPOSES)).append(' ').append(1000000 + random.nextInt(9000000));
        while (text.length() < length) {
            text.append(' ');
            if (random.nextInt(3) == 0) {
                text.append(random.nextInt(100000));
            } else {
                text.append(pick(random, FILLER));
            }
        }
        text.setLength(Math.min(text.length(), length));
        return text.toString().strip();
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
