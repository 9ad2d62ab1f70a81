package org.dotchain.hub.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A manufacturer the DPA contracts with, as its connector file describes it (connectors/&lt;code&gt;.camel.yaml, named
 * by the connector reference); inactive once its file is gone, its history kept. The DPA may suspend it; it offers
 * nothing then, and takes no new order.
 */
@Entity
public class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String registrationCode;
    private String connectorRef;
    private boolean active = true;
    private Instant suspendedAt;
    private String suspensionReason;
    private Instant createdAt = Instant.now();

    protected Supplier() {
    }

    public Supplier(String code, String name, String registrationCode, String connectorRef) {
        this.code = code;
        this.name = name;
        this.registrationCode = registrationCode;
        this.connectorRef = connectorRef;
    }

    /** What its connector file says of it now; a supplier described again is active again. */
    public void describe(String name, String registrationCode, String connectorRef) {
        this.name = name;
        this.registrationCode = registrationCode;
        this.connectorRef = connectorRef;
        this.active = true;
    }

    public void deactivate() {
        this.active = false;
    }

    public boolean isActive() {
        return active;
    }

    void suspend(Instant at, String reason) {
        this.suspendedAt = at;
        this.suspensionReason = reason;
    }

    void resume() {
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegistrationCode() {
        return registrationCode;
    }

    public String getConnectorRef() {
        return connectorRef;
    }
}
