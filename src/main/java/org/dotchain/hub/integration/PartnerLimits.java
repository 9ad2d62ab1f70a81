package org.dotchain.hub.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the hub one partner may take, so that a partner's system that floods it, or holds what it took, slows
 * only that partner (hub.partner-limits; each partner's own under hub.partner-limits.partners.&lt;code&gt;). The
 * inbound routes throttle by partner: beyond its requests per second, or with as many of its requests under way as it
 * may have, a REST request is answered 429 and a SOAP request a server fault, both saying to send again shortly;
 * its JMS messages wait on its own queue. On the embedded broker, a supplier's user may hold only so many sessions.
 *
 * @param requestsPerSecond    a partner's REST and SOAP messages per second
 * @param concurrentRequests   a partner's REST and SOAP messages being taken at one time
 * @param jmsMessagesPerSecond a partner's JMS messages taken per second from its inbound queue
 * @param brokerSessions       the sessions a supplier's broker user may hold (each JMS connection holds one, and one
 *                             more per JMS session it opens)
 * @param partners             a partner's own limits, where they differ
 */
@ConfigurationProperties("hub.partner-limits")
@Validated
public record PartnerLimits(@DefaultValue("20") @Positive int requestsPerSecond,
                            @DefaultValue("4") @Positive int concurrentRequests,
                            @DefaultValue("200") @Positive int jmsMessagesPerSecond,
                            @DefaultValue("16") @Positive int brokerSessions,
                            Map<String, @Valid Own> partners) {

    /** A partner's own limits; an unset one is the hub's. */
    public record Own(@Positive Integer requestsPerSecond, @Positive Integer concurrentRequests,
                      @Positive Integer jmsMessagesPerSecond, @Positive Integer brokerSessions) {
    }

    public int requestsPerSecondOf(String partner) {
        return own(partner, Own::requestsPerSecond).orElse(requestsPerSecond);
    }

    public int concurrentRequestsOf(String partner) {
        return own(partner, Own::concurrentRequests).orElse(concurrentRequests);
    }

    public int jmsMessagesPerSecondOf(String partner) {
        return own(partner, Own::jmsMessagesPerSecond).orElse(jmsMessagesPerSecond);
    }

    public int brokerSessionsOf(String partner) {
        return own(partner, Own::brokerSessions).orElse(brokerSessions);
    }

    private Optional<Integer> own(String partner, Function<Own, Integer> limit) {
        return Optional.ofNullable(partners).map(all -> all.get(partner)).map(limit);
    }
}
