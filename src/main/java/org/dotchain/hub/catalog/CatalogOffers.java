package org.dotchain.hub.catalog;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.platform.Amounts;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.Texts;
import org.dotchain.hub.platform.InvalidMessageException;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: suppliers offer products, or new prices and descriptions of their own, and the DPA approves them
 * (the price within the supplier's framework agreement) or rejects them with a reason. An approval puts a new product
 * on the showcase or makes a new price version; an offer that came through a connector is answered there.
 */
@Service
@Transactional
public class CatalogOffers {

    /** What an offer says; a price-only offer has just the code and the price. */
    public record Offer(String offerNumber, String productCode, String name, String productType, String description,
                        BigDecimal unitPrice, Integer leadTimeDays, Map<String, Object> specifications) {
    }

    /**
     * @param currentUnitPrice the product's price now; null for a new product
     * @param priceCeiling     the highest price a framework agreement in force allows for the type; null if none
     */
    public record OfferView(Long id, String supplierCode, String offerNumber, CatalogOffer.Origin origin,
                            String productCode, boolean newProduct, String name, String productType,
                            String description, BigDecimal unitPrice, BigDecimal currentUnitPrice,
                            BigDecimal priceCeiling, Integer leadTimeDays, Map<String, Object> specifications,
                            CatalogOffer.Status status, Instant receivedAt, String decidedBy, Instant decidedAt,
                            String reason) {
    }

    public record PriceView(int version, BigDecimal unitPrice, Instant effectiveAt) {
    }

    private final CatalogOfferRepository offers;
    private final ProductRepository products;
    private final SupplierRepository suppliers;
    private final SupplierOffering offering;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogOffers(CatalogOfferRepository offers, ProductRepository products, SupplierRepository suppliers,
                  SupplierOffering offering, EntityManager entityManager, Outbox outbox, AuditTrail audit,
                  Clock clock) {
        this.offers = offers;
        this.products = products;
        this.suppliers = suppliers;
        this.offering = offering;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** An offer through the supplier's connector; a contract-valid offer that cannot be taken is refused whole. */
    public OfferView receive(String supplierCode, Offer offer) {
        return take(supplier(supplierCode), offer, CatalogOffer.Origin.CONNECTOR, supplierCode);
    }

    /** The DPA's record of an offer the supplier made outside its connector: no answer goes back. */
    public OfferView record(String admin, String supplierCode, Offer offer) {
        return take(supplier(supplierCode), offer, CatalogOffer.Origin.RECORDED, admin);
    }

    /** Under the offer's lock, then its product's, so that two decisions on one offer or product queue up. */
    public OfferView approve(String admin, Long offerId) {
        CatalogOffer offer = pending(offerId);
        Supplier supplier = offer.getSupplier();
        Optional<Product> existing = products.findByCode(offer.getProductCode());
        if (existing.isPresent()) {
            if (!existing.get().getSupplier().getId().equals(supplier.getId())) {
                throw new FieldConflictException("offer-not-approvable", "productCode", "Product code "
                        + offer.getProductCode() + " is another supplier's now: reject this offer");
            }
            products.lockStock(existing.get().getId());
            entityManager.refresh(existing.get());
        }
        String type = offer.getProductType() != null ? offer.getProductType()
                : existing.map(Product::getProductType).orElseThrow(() -> new FieldConflictException(
                        "offer-not-approvable", "productCode", "No product " + offer.getProductCode() + " to reprice"));
        offering.whyNot(supplier, type).ifPresent(why -> {
            throw new FieldConflictException("offer-not-approvable", "productType", why);
        });
        BigDecimal ceiling = offering.priceCeiling(supplier, type).orElseThrow();
        if (offer.getUnitPrice().compareTo(ceiling) > 0) {
            throw new FieldConflictException("offer-not-approvable", "unitPrice", "The offered "
                    + offer.getUnitPrice().toPlainString() + " UAH is above the " + ceiling.toPlainString()
                    + " UAH the framework agreement allows for " + type + ": reject it with that reason",
                    offer.getUnitPrice(), ceiling);
        }
        Instant now = clock.instant();
        Product product = existing.orElse(null);
        boolean newPrice = product == null || product.getUnitPrice().compareTo(offer.getUnitPrice()) != 0;
        if (product == null) {
            product = products.save(new Product(offer.getProductCode(), supplier, offer));
        } else {
            product.describe(offer);
            if (newPrice) {
                product.reprice(offer.getUnitPrice());
            }
        }
        int version = product.getPriceVersion();
        if (newPrice) {
            entityManager.persist(new ProductPrice(product.getId(), version, product.getUnitPrice(), now,
                    offer.getId()));
        }
        offer.decide(CatalogOffer.Status.APPROVED, admin, now, null);
        audit.record(admin, "OFFER_APPROVED", "product", offer.getProductCode(), "offer=" + offer.getOfferNumber()
                + " supplier=" + supplier.getCode() + " unitPrice=" + offer.getUnitPrice().toPlainString()
                + " priceVersion=" + version);
        answer(offer, version);
        return view(offer);
    }

    public OfferView reject(String admin, Long offerId, String reason) {
        String why = Texts.required("reason", reason, 500, "A rejection's reason is 1 to 500 characters; the "
                + "supplier reads it");
        CatalogOffer offer = pending(offerId);
        offer.decide(CatalogOffer.Status.REJECTED, admin, clock.instant(), why);
        audit.record(admin, "OFFER_REJECTED", "product", offer.getProductCode(), "offer=" + offer.getOfferNumber()
                + " supplier=" + offer.getSupplier().getCode() + " reason=" + why);
        answer(offer, null);
        return view(offer);
    }

    @Transactional(readOnly = true)
    public List<OfferView> list(CatalogOffer.Status status) {
        Sort sort = Sort.by("receivedAt", "id");
        return (status == null ? offers.findAllBy(sort) : offers.findByStatus(status, sort)).stream()
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public OfferView one(Long offerId) {
        return view(offer(offerId));
    }

    /** Every price the product has had, the first first. */
    @Transactional(readOnly = true)
    public List<PriceView> prices(String productCode) {
        Product product = products.findByCode(productCode)
                .orElseThrow(() -> new NoSuchElementException("No product with code " + productCode));
        return entityManager.createQuery("select p from ProductPrice p where p.productId = :id order by p.version",
                        ProductPrice.class).setParameter("id", product.getId()).getResultStream()
                .map(price -> new PriceView(price.getVersion(), price.getUnitPrice(), price.getEffectiveAt()))
                .toList();
    }

    private OfferView take(Supplier supplier, Offer offer, CatalogOffer.Origin origin, String actor) {
        Amounts.positive("unitPrice", offer.unitPrice());
        if (origin == CatalogOffer.Origin.RECORDED) {
            OfferSpecifications.check(offer.specifications());
        }
        products.findByCode(offer.productCode())
                .filter(product -> !product.getSupplier().getId().equals(supplier.getId()))
                .ifPresent(product -> {
                    throw refusal(origin, "productCode", "Product code " + offer.productCode()
                            + " is another supplier's");
                });
        if (offer.name() == null && products.findByCode(offer.productCode()).isEmpty()) {
            throw refusal(origin, "productCode", "No product " + offer.productCode() + " of supplier "
                    + supplier.getCode() + " to reprice: offer it whole first");
        }
        if (offers.existsBySupplierAndOfferNumber(supplier, offer.offerNumber())) {
            throw refusal(origin, "offerNumber", "Offer " + offer.offerNumber() + " of supplier " + supplier.getCode()
                    + " was received already");
        }
        Instant now = clock.instant();
        offers.findBySupplierAndProductCodeAndStatus(supplier, offer.productCode(), CatalogOffer.Status.PENDING)
                .forEach(earlier -> {
                    earlier.supersede(now);
                    answer(earlier, null);
                });
        CatalogOffer taken = offers.save(new CatalogOffer(supplier, offer.offerNumber(), origin, offer.productCode(),
                offer.name(), offer.productType(), offer.description(), offer.unitPrice(), offer.leadTimeDays(),
                offer.specifications(), now));
        audit.record(actor, "OFFER_RECEIVED", "product", offer.productCode(), "offer=" + offer.offerNumber()
                + " supplier=" + supplier.getCode() + " origin=" + origin + " unitPrice="
                + offer.unitPrice().toPlainString());
        return view(taken);
    }

    private static RuntimeException refusal(CatalogOffer.Origin origin, String field, String message) {
        return origin == CatalogOffer.Origin.CONNECTOR ? new InvalidMessageException(message)
                : new FieldConflictException("offer-refused", field, message);
    }

    private void answer(CatalogOffer offer, Integer priceVersion) {
        if (offer.getOrigin() == CatalogOffer.Origin.CONNECTOR) {
            outbox.publish(CatalogOfferAnswerMessage.TYPE, SupplierChannels.ordersOf(offer.getSupplier().getCode()),
                    offer.getOfferNumber(), CatalogOfferAnswerMessage.of(offer, priceVersion));
        }
    }

    private CatalogOffer pending(Long offerId) {
        CatalogOffer offer = offers.lockById(offerId)
                .orElseThrow(() -> new NoSuchElementException("No offer " + offerId));
        if (offer.getStatus() != CatalogOffer.Status.PENDING) {
            throw new FieldConflictException("offer-decided", "status", "Offer " + offer.getOfferNumber() + " is "
                    + offer.getStatus() + " already");
        }
        return offer;
    }

    private CatalogOffer offer(Long offerId) {
        return offers.findById(offerId).orElseThrow(() -> new NoSuchElementException("No offer " + offerId));
    }

    private OfferView view(CatalogOffer offer) {
        Optional<Product> product = products.findByCode(offer.getProductCode());
        String type = offer.getProductType() != null ? offer.getProductType()
                : product.map(Product::getProductType).orElse(null);
        return new OfferView(offer.getId(), offer.getSupplier().getCode(), offer.getOfferNumber(), offer.getOrigin(),
                offer.getProductCode(), product.isEmpty(), offer.getName(), type, offer.getDescription(),
                offer.getUnitPrice(), product.map(Product::getUnitPrice).orElse(null),
                type == null ? null : offering.priceCeiling(offer.getSupplier(), type).orElse(null),
                offer.getLeadTimeDays(), offer.getSpecifications(), offer.getStatus(), offer.getReceivedAt(),
                offer.getDecidedBy(), offer.getDecidedAt(), offer.getReason());
    }

    private Supplier supplier(String code) {
        return suppliers.findByCode(code).orElseThrow(() -> new NoSuchElementException("No supplier " + code));
    }
}
