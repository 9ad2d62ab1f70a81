package org.dotchain.hub.access;

public enum Role {
    ORDERER,
    RECEIVER,
    UNIT_SIGNATORY,
    DPA_ADMIN,
    DPA_SIGNATORY,
    SUPPLIER,
    OPERATOR
}
