package io.finbatch.mappings.consolidation;

/** A local account of an entity that source lines use but the mapping does not know. */
public record UnmappedAccount(String entity, String localAccount, long lines, long firstLineId) {

    @Override
    public String toString() {
        return entity + " " + localAccount + " (" + lines + (lines == 1 ? " line" : " lines") + ", first id "
                + firstLineId + ")";
    }
}
