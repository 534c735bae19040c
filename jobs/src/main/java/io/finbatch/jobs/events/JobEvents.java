package io.finbatch.jobs.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code job.completed} and {@code job.failed}, written when a job execution ends (a job has no single business
 * transaction to share). Added to every job; a failure to write the event is logged and never fails the job.
 */
@Component
class JobEvents implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final ObjectProvider<EventOutbox> outbox;

    JobEvents(ObjectProvider<EventOutbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(new JobExecutionListener() {
                @Override
                public void afterJob(JobExecution execution) {
                    publish(execution);
                }
            });
        }
        return bean;
    }

    private void publish(JobExecution execution) {
        String type = execution.getStatus() == BatchStatus.COMPLETED ? EventTypes.JOB_COMPLETED
                : execution.getStatus() == BatchStatus.FAILED ? EventTypes.JOB_FAILED : null;
        if (type == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("job", execution.getJobInstance().getJobName());
        facts.put("executionId", execution.getId());
        facts.put("status", execution.getStatus().name());
        facts.put("exitCode", execution.getExitStatus().getExitCode());
        facts.put("exitDescription", EventText.masked(execution.getExitStatus().getExitDescription(), 500));
        facts.put("startTime", execution.getStartTime() == null ? null : execution.getStartTime().toString());
        facts.put("endTime", execution.getEndTime() == null ? null : execution.getEndTime().toString());
        try {
            outbox.getObject().publish(type, facts);
        } catch (RuntimeException e) {
            log.error("cannot write the {} event of job execution {}: {}", type, execution.getId(), e.getMessage());
        }
    }
}
