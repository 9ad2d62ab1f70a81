package org.dotchain.hub.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After the migrations, before anyone logs in: every person's secret not sealed under the current key (one stored in
 * clear before secrets were sealed, or one sealed under a previous key) is sealed under it, in one transaction.
 * Rotating the key is then: set the new key, move the old one to previous-keys, restart, remove it (the README says
 * how with several instances).
 */
@Component
class PersonSecretsResealing implements Callback {

    private static final Logger log = LoggerFactory.getLogger(PersonSecretsResealing.class);

    private final PersonSecretCipher cipher;

    PersonSecretsResealing(PersonSecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        int resealed = reseal(context.getConnection());
        if (resealed > 0) {
            log.info("Sealed {} people's TOTP secrets under the current hub.access.person-secrets.key", resealed);
        }
    }

    /** Seals what is not sealed under the current key; answers how many secrets it sealed. */
    int reseal(Connection connection) {
        int resealed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "select id, totp_secret from person where totp_secret is not null for update");
             PreparedStatement update = connection.prepareStatement("update person set totp_secret = ? where id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString(2);
                if (cipher.sealedUnderCurrentKey(stored)) {
                    continue;
                }
                update.setString(1, cipher.resealed(stored));
                update.setLong(2, rows.getLong(1));
                update.executeUpdate();
                resealed++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal people's secrets under the current key", e);
        }
        return resealed;
    }

    @Override
    public String getCallbackName() {
        return "person-secrets-resealing";
    }
}
