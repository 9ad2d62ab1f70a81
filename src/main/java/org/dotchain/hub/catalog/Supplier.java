package org.dotchain.hub.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A manufacturer registered by the DPA; its connector reference names the file in connectors/ that reaches its system. */
@Entity
public class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String registrationCode;
    private String connectorRef;
    private Instant createdAt = Instant.now();

    protected Supplier() {
    }

    public Supplier(String code, String name, String registrationCode, String connectorRef) {
        this.code = code;
        this.name = name;
        this.registrationCode = registrationCode;
        this.connectorRef = connectorRef;
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
