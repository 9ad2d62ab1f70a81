package org.dotchain.hub.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.dotchain.hub.ordering.OrderLine;

/** One item, by serial number, from despatch to authorisation for operational use. */
@Entity
public class ShipmentItem {

    public enum Status { DESPATCHED, RECEIVED, REFUSED, AUTHORISED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;

    private String serialNumber;

    @Enumerated(EnumType.STRING)
    private Status status = Status.DESPATCHED;
    private String refusalReason;
    private Long invoiceId;

    protected ShipmentItem() {
    }

    public ShipmentItem(Shipment shipment, OrderLine orderLine, String serialNumber) {
        this.shipment = shipment;
        this.orderLine = orderLine;
        this.serialNumber = serialNumber;
    }

    public void receive() {
        this.status = Status.RECEIVED;
    }

    /** The expenditure invoice that covers it, whose signature authorises it. */
    public void invoicedBy(Long invoiceId) {
        this.invoiceId = invoiceId;
    }

    public void refuse(String reason) {
        this.status = Status.REFUSED;
        this.refusalReason = reason;
    }

    /** Its expenditure invoice is signed: the unit may use it. */
    public void authorise() {
        if (status == Status.RECEIVED) {
            this.status = Status.AUTHORISED;
        }
    }

    public Shipment getShipment() {
        return shipment;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public Long getId() {
        return id;
    }

    public OrderLine getOrderLine() {
        return orderLine;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public Status getStatus() {
        return status;
    }
}
