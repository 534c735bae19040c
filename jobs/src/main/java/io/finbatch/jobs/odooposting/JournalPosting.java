package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OdooDirectory;
import io.finbatch.writers.posting.PostingPreparer;

/**
 * What a partition posting one journal needs from Odoo, built once per partition (step scope): a partition
 * may run on another thread or node than its job, where the job-scoped ones of {@code odooPosting} do not exist.
 * (A class, not a record: the step scope proxies it.)
 */
class JournalPosting {

    private final OdooBatchPoster poster;
    private final PostingPreparer preparer;

    JournalPosting(OdooBatchPoster poster, PostingPreparer preparer) {
        this.poster = poster;
        this.preparer = preparer;
    }

    OdooBatchPoster poster() {
        return poster;
    }

    PostingPreparer preparer() {
        return preparer;
    }

    static JournalPosting of(OdooDirectory directory, PostingPreparer preparer) {
        return new JournalPosting(new OdooBatchPoster(directory), preparer);
    }
}
