package io.finbatch.jobs.execution;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Restarts a failed or stopped execution of any job of the application, as Spring Batch defines it: the same
 * job instance launched again, from its failed step. The job is found among the application's jobs by its name
 * (the job operator's registry does not always hold them).
 */
@Component
public class JobRestarts {

    private final Map<String, Job> jobs;
    private final JobOperator jobOperator;

    public JobRestarts(List<Job> jobs, JobOperator jobOperator) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a));
        this.jobOperator = jobOperator;
    }

    public JobExecution restart(JobExecution failed) throws Exception {
        String name = failed.getJobInstance().getJobName();
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalStateException("no job named " + name + " in this application");
        }
        return jobOperator.start(job, failed.getJobParameters());
    }
}
