package io.finbatch.jobs.scaleout;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partition request on the wire: {@code {"stepName": "...", "stepExecutionId": 42}}. */
final class PartitionRequestJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartitionRequestJson() {
    }

    static String write(StepExecutionRequest request) {
        return JSON.createObjectNode().put("stepName", request.getStepName())
                .put("stepExecutionId", request.getStepExecutionId()).toString();
    }

    static StepExecutionRequest read(String json) {
        JsonNode node = JSON.readTree(json);
        if (!node.hasNonNull("stepName") || !node.path("stepExecutionId").canConvertToLong()) {
            throw new IllegalArgumentException("not a partition request: " + json);
        }
        return new StepExecutionRequest(node.get("stepName").asString(), node.get("stepExecutionId").asLong());
    }
}
