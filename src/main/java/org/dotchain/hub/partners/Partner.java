package org.dotchain.hub.partners;

import java.util.Objects;
import org.dotchain.hub.messaging.PartnerKind;

/**
 * An external system the hub exchanges messages with, as its connector file connectors/&lt;code&gt;.camel.yaml
 * describes it (a bean of this type beside the routes that reach it). Its secrets are not here: {@link #getSecrets()}
 * names the settings that hold them.
 */
public class Partner {

    private String code;
    private String name;
    private String registrationCode;
    private PartnerKind kind = PartnerKind.SUPPLIER;
    private String secrets;

    /** The partner's code: its queues, its endpoints and its messages' ids are named by it. */
    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Its EDRPOU, the registration code of a Ukrainian legal entity. */
    public String getRegistrationCode() {
        return registrationCode;
    }

    public void setRegistrationCode(String registrationCode) {
        this.registrationCode = registrationCode;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public void setKind(PartnerKind kind) {
        this.kind = kind;
    }

    /**
     * The prefix of the settings that hold its secrets, &lt;prefix&gt;.signing-key and &lt;prefix&gt;.broker-password;
     * hub.suppliers.&lt;code&gt; unless the file says otherwise.
     */
    public String getSecrets() {
        return secrets == null ? "hub.suppliers." + code : secrets;
    }

    public void setSecrets(String secrets) {
        this.secrets = secrets;
    }

    @Override
    public String toString() {
        return code + " (" + kind.name().toLowerCase() + ", " + name + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Partner partner && Objects.equals(code, partner.code);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(code);
    }
}
