package org.dotchain.hub.messaging;

/** What a partner is to the hub, and so which messages it may send: a supplier's, or the DPA finance system's. */
public enum PartnerKind {
    SUPPLIER,
    FINANCE
}
