package org.dotchain.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Login", description = "Two-factor login: password and TOTP code give a bearer token")
class AuthController {

    private final TwoFactorLogin login;

    AuthController(TwoFactorLogin login) {
        this.login = login;
    }

    record Credentials(@NotBlank @Size(max = 64) @Schema(example = "orderer.a1001") String username,
                       @NotBlank @Size(max = 200) @Schema(example = "demo-password-2026") String password,
                       @NotBlank @Size(max = 6)
                       @Schema(example = "123456", description = "the current code of the enrolled authenticator")
                       String totpCode) {
    }

    record Token(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log in: password and TOTP code, both; answers a bearer token for 'Authorization: Bearer ...'",
            description = "An unknown username, a wrong password or code, and a username this address failed too often "
                    + "all answer the same 401. Failures in a row of one username from one address make it wait a "
                    + "minute, doubling up to 15; an address has 30 logins and activations a minute (429 beyond, "
                    + "with Retry-After).")
    Token login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        TwoFactorLogin.IssuedToken issued = login.login(credentials.username(), credentials.password(),
                credentials.totpCode(), request.getRemoteAddr());
        return new Token(issued.token(), "Bearer", issued.expiresAt());
    }

    @DeleteMapping("/tokens/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Log out: the token stops working at once")
    void logout(HttpServletRequest request) {
        login.logout(request.getHeader("Authorization").substring(7).trim());
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token belongs to and what they may do")
    HubUser me(@AuthenticationPrincipal HubUser user) {
        return user;
    }
}
