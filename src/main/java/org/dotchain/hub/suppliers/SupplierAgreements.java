package org.dotchain.hub.suppliers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.platform.Amounts;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPA's side of its suppliers: their framework agreements, and suspending and resuming one. A supplier's
 * transports and secrets stay in its connector file; what the DPA agreed with it is recorded here.
 */
@Service
@Transactional
public class SupplierAgreements {

    private static final Pattern PRODUCT_TYPE = Pattern.compile("[A-Z][A-Z_]{1,31}");

    public record AgreementView(String number, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil,
                                boolean inForce, List<FrameworkAgreement.Item> items) {
    }

    /** @param connected whether its connector file is there */
    public record SupplierView(String code, String name, String registrationCode, boolean connected,
                               boolean suspended, Instant suspendedAt, String suspensionReason,
                               List<AgreementView> agreements) {
    }

    public record NewAgreement(String number, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil,
                               List<FrameworkAgreement.Item> items) {
    }

    private final SupplierRepository suppliers;
    private final FrameworkAgreementRepository agreements;
    private final AuditTrail audit;
    private final Clock clock;

    SupplierAgreements(SupplierRepository suppliers, FrameworkAgreementRepository agreements, AuditTrail audit,
                       Clock clock) {
        this.suppliers = suppliers;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    public AgreementView record(String admin, String supplierCode, NewAgreement agreement) {
        Supplier supplier = supplier(supplierCode);
        String number = Texts.required("number", agreement.number(), 40,
                "An agreement's number is 1 to 40 characters");
        if (agreement.signedOn() == null || agreement.signedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("signedOn", "An agreement is signed on a day not after today");
        }
        if (agreement.validFrom() == null || agreement.validUntil() == null
                || agreement.validUntil().isBefore(agreement.validFrom())) {
            throw new InvalidFieldException("validUntil", "An agreement is valid from one day until the same or a "
                    + "later one");
        }
        checkItems(agreement.items());
        if (agreements.existsByAgreementNumber(number)) {
            throw new FieldConflictException("agreement-refused", "number", "Agreement " + number
                    + " is recorded already");
        }
        FrameworkAgreement recorded = agreements.save(new FrameworkAgreement(supplier, number, agreement.signedOn(),
                agreement.validFrom(), agreement.validUntil(), agreement.items(), admin, clock.instant()));
        audit.record(admin, "AGREEMENT_RECORDED", "supplier", supplierCode, "number=" + number + " valid="
                + agreement.validFrom() + ".." + agreement.validUntil() + " items=" + agreement.items());
        return view(recorded);
    }

    /** Its products leave the showcase at once and it takes no new order; orders formed already go on. */
    public SupplierView suspend(String admin, String supplierCode, String reason) {
        Supplier supplier = supplier(supplierCode);
        String why = Texts.required("reason", reason, 500, "A suspension's reason is 1 to 500 characters");
        if (!supplier.isSuspended()) {
            supplier.suspend(clock.instant(), why);
            audit.record(admin, "SUPPLIER_SUSPENDED", "supplier", supplierCode, "reason=" + why);
        }
        return view(supplier);
    }

    public SupplierView resume(String admin, String supplierCode) {
        Supplier supplier = supplier(supplierCode);
        if (supplier.isSuspended()) {
            supplier.resume();
            audit.record(admin, "SUPPLIER_RESUMED", "supplier", supplierCode, "");
        }
        return view(supplier);
    }

    @Transactional(readOnly = true)
    public List<SupplierView> all() {
        return suppliers.findAll().stream().sorted(Comparator.comparing(Supplier::getCode)).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public SupplierView one(String supplierCode) {
        return view(supplier(supplierCode));
    }

    private void checkItems(List<FrameworkAgreement.Item> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidFieldException("items", "An agreement covers at least one product type");
        }
        Set<String> types = new HashSet<>();
        for (FrameworkAgreement.Item item : items) {
            if (item == null || item.productType() == null || !PRODUCT_TYPE.matcher(item.productType()).matches()) {
                throw new InvalidFieldException("items", "A product type is 2 to 32 capital letters or '_', "
                        + "e.g. FPV");
            }
            if (!types.add(item.productType())) {
                throw new InvalidFieldException("items", "Product type " + item.productType() + " is listed twice");
            }
            Amounts.positive("items", item.maxUnitPrice());
        }
    }

    private SupplierView view(Supplier supplier) {
        return new SupplierView(supplier.getCode(), supplier.getName(), supplier.getRegistrationCode(),
                supplier.isActive(), supplier.isSuspended(), supplier.getSuspendedAt(),
                supplier.getSuspensionReason(),
                agreements.findBySupplierOrderByValidFromAscIdAsc(supplier).stream().map(this::view).toList());
    }

    private AgreementView view(FrameworkAgreement agreement) {
        return new AgreementView(agreement.getAgreementNumber(), agreement.getSignedOn(), agreement.getValidFrom(),
                agreement.getValidUntil(), agreement.validOn(LocalDate.now(clock)), agreement.getItems());
    }

    private Supplier supplier(String code) {
        return suppliers.findByCode(code).orElseThrow(() -> new NoSuchElementException("No supplier " + code));
    }
}
