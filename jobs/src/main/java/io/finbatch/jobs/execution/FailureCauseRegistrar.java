package io.finbatch.jobs.execution;

import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Adds the {@link FailureCauseRecorder} to every step of the application. */
@Component
class FailureCauseRegistrar implements BeanPostProcessor {

    private final FailureCauseRecorder recorder = new FailureCauseRecorder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(recorder);
        }
        return bean;
    }
}
