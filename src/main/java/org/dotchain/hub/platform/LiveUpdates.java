package org.dotchain.hub.platform;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * What an open page follows without reloading (an order's status, a document's signing turn, new alerts), as
 * server-sent events for htmx's SSE extension: what the page follows is looked at every few seconds, and each event
 * whose text changed is sent at once, a heartbeat comment otherwise, so that a closed page is noticed at the next
 * look. A stream ends when what it follows ends (the page's next asking is then answered 204 by its controller, which
 * ends it for good), after its lifetime (the page asks again), or when the page goes.
 */
@Component
public class LiveUpdates {

    /** How often a followed page's state is looked at. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    /** How long one stream lasts; htmx opens the next when a page is still there. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * One look at what a page follows: the text of each event, by its name, and whether this is the last look.
     * The texts are plain: they are escaped here.
     */
    public record Look(Map<String, String> events, boolean last) {

        public static Look of(String event, String text, boolean last) {
            return new Look(Map.of(event, text), last);
        }
    }

    /** Threads that look and send: a slow page's writes hold up one of them, not every page's updates. */
    static final int WATCHERS = 4;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ScheduledExecutorService watcher = Executors.newScheduledThreadPool(WATCHERS, runnable -> {
        Thread thread = new Thread(runnable, "page-live-updates");
        thread.setDaemon(true);
        return thread;
    });

    public SseEmitter follow(Supplier<Look> look) {
        return follow(Map.of(), look);
    }

    /** @param shown the events' texts as the page shows them already: sent only once they change */
    public SseEmitter follow(Map<String, String> shown, Supplier<Look> look) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Map<String, String> sent = new HashMap<>(shown);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable lookOnce = () -> {
            if (ended.get()) {
                return;
            }
            try {
                Look now = look.get();
                boolean changed = false;
                for (Map.Entry<String, String> event : now.events().entrySet()) {
                    if (!event.getValue().equals(sent.put(event.getKey(), event.getValue()))) {
                        emitter.send(SseEmitter.event().name(event.getKey()).data(HtmlUtils.htmlEscape(
                                event.getValue())));
                        changed = true;
                    }
                }
                if (!changed) {
                    emitter.send(SseEmitter.event().comment("unchanged"));
                }
                if (now.last()) {
                    end(emitter, ended, task);
                }
            } catch (IOException gone) {
                end(emitter, ended, task);
            } catch (RuntimeException failed) {
                log.warn("A page's live updates stopped: {}", failed.toString());
                end(emitter, ended, task);
            }
        };
        emitter.onCompletion(() -> end(null, ended, task));
        emitter.onTimeout(() -> end(emitter, ended, task));
        emitter.onError(error -> end(null, ended, task));
        task.set(watcher.scheduleWithFixedDelay(lookOnce, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        if (ended.get()) {
            // the first look ended the stream before its task was known to it
            task.get().cancel(false);
        }
        return emitter;
    }

    private static void end(SseEmitter emitter, AtomicBoolean ended, AtomicReference<ScheduledFuture<?>> task) {
        ended.set(true);
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
        if (emitter != null) {
            emitter.complete();
        }
    }

    @PreDestroy
    void stopWatching() {
        watcher.shutdownNow();
    }
}
