package org.dotchain.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/activations")
@Tag(name = "Activation", description = "A person's one-time activation: password, then TOTP enrolment")
class ActivationController {

    private final AccountActivation activation;
    private final LoginAttempts attempts;

    ActivationController(AccountActivation activation, LoginAttempts attempts) {
        this.activation = activation;
        this.attempts = attempts;
    }

    record PasswordChoice(@NotBlank @Size(max = 100) @Schema(example = "x3Jk9...the token from the DPA")
                          String activationToken,
                          @NotBlank @Size(max = 200) @Schema(example = "correct horse battery staple")
                          String password) {
    }

    record TotpConfirmation(@NotBlank @Size(max = 100) @Schema(example = "x3Jk9...the token from the DPA")
                            String activationToken,
                            @NotBlank @Size(max = 6) @Schema(example = "492039") String totpCode) {
    }

    @PostMapping
    @Operation(summary = "Step 1: choose a password (12 characters or more); answers the TOTP secret and its otpauth:// URI to scan")
    AccountActivation.Enrolment setPassword(@Valid @RequestBody PasswordChoice choice, HttpServletRequest request) {
        attempts.admit(request.getRemoteAddr());
        return activation.setPassword(choice.activationToken(), choice.password());
    }

    @PostMapping("/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Step 2: the first code from the authenticator proves the enrolment and activates the account")
    void confirm(@Valid @RequestBody TotpConfirmation confirmation, HttpServletRequest request) {
        attempts.admit(request.getRemoteAddr());
        activation.confirmTotp(confirmation.activationToken(), confirmation.totpCode());
    }
}
