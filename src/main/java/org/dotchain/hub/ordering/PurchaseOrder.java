package org.dotchain.hub.ordering;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.catalog.Product;
import org.dotchain.hub.suppliers.Supplier;

/** An order or pre-order of one unit to one supplier. Its status moves only through {@link #moveTo}. */
@Entity
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orderNumber;

    @Enumerated(EnumType.STRING)
    private OrderKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private MilitaryUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    private Person createdBy;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private LocalDate requiredBy;
    private LocalDate promisedBy;
    private LocalDate shipBy;
    private LocalDate answerDueBy;
    private String declineReason;
    private String closedShortReason;
    private Long documentId;
    private LocalDate overdueSince;
    private BigDecimal total = BigDecimal.ZERO;
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("changedAt")
    private List<OrderStatusChange> history = new ArrayList<>();

    protected PurchaseOrder() {
    }

    PurchaseOrder(String orderNumber, OrderKind kind, MilitaryUnit unit, Supplier supplier, Person createdBy,
                  OrderStatus initialStatus) {
        this.orderNumber = orderNumber;
        this.kind = kind;
        this.unit = unit;
        this.supplier = supplier;
        this.createdBy = createdBy;
        this.status = initialStatus;
        this.history.add(new OrderStatusChange(this, null, initialStatus, null));
    }

    void addLine(Product product, int quantity) {
        OrderLine line = new OrderLine(this, lines.size() + 1, product, quantity);
        lines.add(line);
        total = total.add(line.getAmount());
    }

    /** What it was not given will not come: it ends with what was delivered, DELIVERED for what is left to pay. */
    public void closeShort(String reason) {
        moveTo(OrderStatus.DELIVERED, Set.of(OrderStatus.ACCEPTED_BY_SUPPLIER, OrderStatus.PARTIALLY_SHIPPED,
                OrderStatus.SHIPPED, OrderStatus.PARTIALLY_DELIVERED), "closed short: " + reason);
        this.closedShortReason = reason;
    }

    public String getClosedShortReason() {
        return closedShortReason;
    }

    public void moveTo(OrderStatus next, Set<OrderStatus> allowedFrom, String reason) {
        if (!allowedFrom.contains(status)) {
            throw new IllegalOrderTransitionException(orderNumber, status, next);
        }
        history.add(new OrderStatusChange(this, status, next, reason));
        status = next;
    }

    void setShipBy(LocalDate shipBy) {
        this.shipBy = shipBy;
    }

    void awaitAnswer(LocalDate requiredBy, LocalDate answerDueBy) {
        this.requiredBy = requiredBy;
        this.answerDueBy = answerDueBy;
    }

    void promise(LocalDate promisedBy) {
        this.promisedBy = promisedBy;
    }

    void decline(String reason) {
        this.declineReason = reason;
    }

    void flagOverdue(LocalDate since) {
        this.overdueSince = since;
    }

    public LocalDate getOverdueSince() {
        return overdueSince;
    }

    void attachDocument(Long documentId) {
        this.documentId = documentId;
    }

    public LocalDate getAnswerDueBy() {
        return answerDueBy;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public OrderKind getKind() {
        return kind;
    }

    public MilitaryUnit getUnit() {
        return unit;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public Person getCreatedBy() {
        return createdBy;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public LocalDate getRequiredBy() {
        return requiredBy;
    }

    public LocalDate getPromisedBy() {
        return promisedBy;
    }

    public LocalDate getShipBy() {
        return shipBy;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<OrderLine> getLines() {
        return List.copyOf(lines);
    }

    public List<OrderStatusChange> getHistory() {
        return List.copyOf(history);
    }
}
