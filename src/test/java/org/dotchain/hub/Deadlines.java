package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/** Fires a deadline route's Quartz job now, as its schedule would, and waits for the route to finish. */
@Component
public class Deadlines {

    private final CamelContext camel;
    private final Scheduler scheduler;

    Deadlines(CamelContext camel, Scheduler scheduler) {
        this.camel = camel;
        this.scheduler = scheduler;
    }

    public void fire(String routeId) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId).whenDone(1).create();
        try {
            scheduler.triggerJob(JobKey.jobKey(routeId, "deadlines"));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot fire " + routeId, e);
        }
        assertThat(done.matches(20, TimeUnit.SECONDS)).as("route %s ran", routeId).isTrue();
    }
}
