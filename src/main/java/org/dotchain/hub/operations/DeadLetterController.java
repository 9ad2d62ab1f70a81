package org.dotchain.hub.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/operations/dead-letters")
@PreAuthorize("hasRole('OPERATOR')")
@Tag(name = "Operations", description = "Dead letters: why each message failed; replay or discard")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every dead letter of every supplier queue, with the reason it failed")
    List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/{queue}/{jmsMessageId}/replay")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send a dead letter back to the queue it failed on, once")
    void replay(@AuthenticationPrincipal HubUser operator, @PathVariable String queue,
                @PathVariable String jmsMessageId) {
        deadLetters.replay(queue, jmsMessageId, operator.username());
    }

    @DeleteMapping("/{queue}/{jmsMessageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a dead letter")
    void discard(@AuthenticationPrincipal HubUser operator, @PathVariable String queue,
                 @PathVariable String jmsMessageId) {
        deadLetters.discard(queue, jmsMessageId, operator.username());
    }
}
