package org.dotchain.hub.ordering;

public enum OrderKind {
    /** Covered by stock: reserved at checkout, formed when its creator signs it. */
    ORDER,
    /** Beyond stock: the supplier answers whether and when it can produce. */
    PRE_ORDER
}
