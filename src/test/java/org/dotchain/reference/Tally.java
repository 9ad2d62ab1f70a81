package org.dotchain.reference;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What the reference systems took from the hub, by message type: how many messages, how many of them repeated a
 * message id already taken (and were dropped), and for each subject (an order, a certificate) the message ids that
 * carried it, so that a subject the hub sent twice under two ids shows. Also what they sent back: despatches and
 * payments. Read at GET /reference/tally.
 */
@Component
public class Tally {

    /** One message type's figures. */
    public record Figures(int messages, int repeats, int subjects, Set<String> inMoreThanOneMessage) {
    }

    private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> repeats = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

    void took(String type, String subject, String messageId, boolean repeated) {
        count(messages, type);
        if (repeated) {
            count(repeats, type);
            return;
        }
        idsBySubject.computeIfAbsent(type, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(subject, any -> ConcurrentHashMap.newKeySet()).add(messageId);
    }

    void sent(String type) {
        count(sent, type);
    }

    public Map<String, Figures> taken() {
        Map<String, Figures> taken = new TreeMap<>();
        messages.forEach((type, count) -> {
            Map<String, Set<String>> subjects = idsBySubject.getOrDefault(type, Map.of());
            taken.put(type, new Figures(count.get(), repeats.getOrDefault(type, new AtomicInteger()).get(),
                    subjects.size(), new TreeSet<>(subjects.entrySet().stream()
                            .filter(subject -> subject.getValue().size() > 1).map(Map.Entry::getKey).toList())));
        });
        return taken;
    }

    /** The subjects of one type that came, in order. */
    public Set<String> subjects(String type) {
        return new TreeSet<>(idsBySubject.getOrDefault(type, Map.of()).keySet());
    }

    public Map<String, Integer> sent() {
        Map<String, Integer> figures = new TreeMap<>();
        sent.forEach((type, count) -> figures.put(type, count.get()));
        return figures;
    }

    private static void count(Map<String, AtomicInteger> counts, String type) {
        counts.computeIfAbsent(type, any -> new AtomicInteger()).incrementAndGet();
    }
}
