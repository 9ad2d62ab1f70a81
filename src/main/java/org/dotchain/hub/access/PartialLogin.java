package org.dotchain.hub.access;

import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A page login halfway: the password was given, the TOTP code is still to come. Whether the password was right stays
 * here, in the session, unsaid until the code step. Its only authority opens the code page, nothing else; a code
 * given after it lapsed (a few minutes) sends the person back to the password.
 */
final class PartialLogin extends AbstractAuthenticationToken {

    static final String AUTHORITY = "FACTOR_PASSWORD";

    private final TwoFactorLogin.FirstFactor firstFactor;
    private final Instant expiresAt;

    PartialLogin(TwoFactorLogin.FirstFactor firstFactor, Instant expiresAt) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.firstFactor = firstFactor;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    TwoFactorLogin.FirstFactor firstFactor() {
        return firstFactor;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return firstFactor.username();
    }
}
