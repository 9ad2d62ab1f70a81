package org.dotchain.hub.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.dotchain.hub.ordering.OrderLine;

/** How many items of one order line an invoice covers, at the order's price. */
@Entity
public class ExpenditureInvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    private ExpenditureInvoice invoice;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;

    private int quantity;
    private BigDecimal amount;

    protected ExpenditureInvoiceLine() {
    }

    ExpenditureInvoiceLine(ExpenditureInvoice invoice, OrderLine orderLine, int quantity) {
        this.invoice = invoice;
        this.orderLine = orderLine;
        this.quantity = quantity;
        this.amount = orderLine.getUnitPrice().multiply(BigDecimal.valueOf(quantity));
    }

    public OrderLine getOrderLine() {
        return orderLine;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
