package io.finbatch.jobs.scheduling;

import java.util.Arrays;
import java.util.Optional;

/** What Quartz does with a firing missed while no scheduler ran (or all threads were busy). */
public enum MisfirePolicy {

    /** run once as soon as a scheduler sees the missed firing, then follow the cron */
    FIRE_ONCE_NOW("fire-once-now"),
    /** drop the missed firing: the next run is the cron's next time */
    DO_NOTHING("do-nothing");

    private final String id;

    MisfirePolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MisfirePolicy> of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
