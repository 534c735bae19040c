package io.finbatch.jobs.execution;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Adds the application's own listeners to every job and step: the job execution id in the logging context
 * ({@link ExecutionLogContext}), the root cause of a failed step ({@link FailureCauseRecorder}), and a chunk
 * step's context kept at its last commit ({@link CommittedContextGuard}).
 */
@Component
class ExecutionListenersRegistrar implements BeanPostProcessor {

    private final FailureCauseRecorder failureCause = new FailureCauseRecorder();
    private final ExecutionLogContext logContext = new ExecutionLogContext();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(failureCause);
            step.registerStepExecutionListener(logContext);
        }
        if (bean instanceof ChunkOrientedStep<?, ?> chunked) {
            // registered after the step's own reader and writer streams, so it sees what they saved
            chunked.registerItemStream(new CommittedContextGuard());
        }
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(logContext);
        }
        return bean;
    }
}
