package io.finbatch.jobs.close;

import java.util.List;

/** The close found blockers: the step fails, the blockers are stored with the execution. */
public class CloseBlockedException extends RuntimeException {

    private final List<CloseBlocker> blockers;

    public CloseBlockedException(String step, List<CloseBlocker> blockers) {
        super(step + ": " + blockers.size() + " blocker(s): " + String.join("; ",
                blockers.stream().limit(20).map(CloseBlocker::detail).toList())
                + (blockers.size() > 20 ? "; …" : ""));
        this.blockers = List.copyOf(blockers);
    }

    public List<CloseBlocker> blockers() {
        return blockers;
    }
}
