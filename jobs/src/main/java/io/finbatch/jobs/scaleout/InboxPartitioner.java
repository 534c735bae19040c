package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.statementimport.Inbox;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One partition per statement file of an inbox folder (by name; hidden files left out). */
final class InboxPartitioner implements Partitioner {

    static final String FILE = "file";

    private final Path inbox;

    InboxPartitioner(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int n = 0;
        for (Path file : Inbox.files(inbox)) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILE, file.toAbsolutePath().normalize().toString());
            partitions.put("file" + n++, context);
        }
        return partitions;
    }

}
