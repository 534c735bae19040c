package io.finbatch.bench.run;

/** Which entry a line of our reader comes from, from its {@code location}. */
public final class EntryKeys {

    private EntryKeys() {
    }

    /**
     * {@code .../Ntry[k]} for camt (a batch entry gives several lines), the line's own location otherwise;
     * null when the line has no location (count it as an entry of its own).
     */
    public static String entryKey(String location) {
        if (location == null) {
            return null;
        }
        int ntry = location.lastIndexOf("/Ntry[");
        if (ntry < 0) {
            return location;
        }
        int end = location.indexOf(']', ntry);
        return end < 0 ? location : location.substring(0, end + 1);
    }
}
