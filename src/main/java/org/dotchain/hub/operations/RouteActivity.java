package org.dotchain.hub.operations;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Each route's exchanges and failures per minute over the last hour, in memory, for the console's small charts. */
@Component
public class RouteActivity {

    static final int MINUTES = 60;

    /** A route's last hour, oldest minute first. */
    public record LastHour(List<Integer> exchanges, List<Integer> failures, int most) {
    }

    private final Map<String, Minutes> routes = new ConcurrentHashMap<>();
    private final Clock clock;

    RouteActivity(Clock clock) {
        this.clock = clock;
    }

    void record(String routeId, boolean failed) {
        routes.computeIfAbsent(routeId, id -> new Minutes()).add(minuteNow(), failed);
    }

    LastHour lastHour(String routeId) {
        Minutes minutes = routes.get(routeId);
        return minutes == null ? new LastHour(Collections.nCopies(MINUTES, 0), Collections.nCopies(MINUTES, 0), 0)
                : minutes.lastHour(minuteNow());
    }

    private long minuteNow() {
        return clock.millis() / 60_000;
    }

    /** A ring of the last sixty minutes; a slot is cleared when its minute comes round again. */
    private static final class Minutes {

        private final long[] minute = new long[MINUTES];
        private final int[] exchanges = new int[MINUTES];
        private final int[] failures = new int[MINUTES];

        synchronized void add(long now, boolean failed) {
            int slot = (int) (now % MINUTES);
            if (minute[slot] != now) {
                minute[slot] = now;
                exchanges[slot] = 0;
                failures[slot] = 0;
            }
            exchanges[slot]++;
            if (failed) {
                failures[slot]++;
            }
        }

        synchronized LastHour lastHour(long now) {
            Integer[] counted = new Integer[MINUTES];
            Integer[] failed = new Integer[MINUTES];
            int most = 0;
            for (int ago = MINUTES - 1; ago >= 0; ago--) {
                long wanted = now - ago;
                int slot = (int) (wanted % MINUTES);
                boolean current = minute[slot] == wanted;
                counted[MINUTES - 1 - ago] = current ? exchanges[slot] : 0;
                failed[MINUTES - 1 - ago] = current ? failures[slot] : 0;
                most = Math.max(most, counted[MINUTES - 1 - ago]);
            }
            return new LastHour(List.of(counted), List.of(failed), most);
        }
    }
}
