package org.dotchain.hub.delivery;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.ordering.PurchaseOrder;

/** One despatch of an order; an order may arrive in several. */
@Entity
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    private String despatchNumber;
    private Instant despatchedAt;
    private LocalDate expectedArrival;
    private Instant receivedAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
    private List<ShipmentItem> items = new ArrayList<>();

    protected Shipment() {
    }

    public Shipment(PurchaseOrder order, String despatchNumber, Instant despatchedAt, LocalDate expectedArrival) {
        this.order = order;
        this.despatchNumber = despatchNumber;
        this.despatchedAt = despatchedAt;
        this.expectedArrival = expectedArrival;
    }

    /** The receiver recorded what arrived of it. */
    public void received(Instant at) {
        this.receivedAt = at;
    }

    public Long getId() {
        return id;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public String getDespatchNumber() {
        return despatchNumber;
    }

    public Instant getDespatchedAt() {
        return despatchedAt;
    }

    public LocalDate getExpectedArrival() {
        return expectedArrival;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public List<ShipmentItem> getItems() {
        return List.copyOf(items);
    }
}
