package io.finbatch.jobs.statementdrop;

/** A file name a client sent, made safe to use in our folder: its last segment, plain characters, no leading dot. */
final class SafeFileNames {

    private static final int MAX = 100;

    private SafeFileNames() {
    }

    static String sanitise(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        if (name.length() > MAX) {
            name = name.substring(name.length() - MAX);
        }
        return name.isEmpty() ? "statement" : name;
    }
}
