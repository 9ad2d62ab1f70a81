package org.dotchain.hub.access;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person behind a request: what every scoped query and role check reads. */
public record HubUser(Long personId, String username, String fullName, Long unitId, Long supplierId,
                      String supplierCode, Set<Role> roles) implements UserDetails {

    static HubUser of(Person person) {
        return new HubUser(person.getId(), person.getUsername(), person.getFullName(),
                person.getUnit() == null ? null : person.getUnit().getId(),
                person.getSupplier() == null ? null : person.getSupplier().getId(),
                person.getSupplier() == null ? null : person.getSupplier().getCode(), person.getRoles());
    }

    /** Whom a signature of this person stands for: the supplier for its people, the person otherwise. */
    public String signerIdentity() {
        return has(Role.SUPPLIER) ? "supplier:" + supplierCode : username;
    }

    /** DPA staff see every unit's documents; everyone else only their own unit's or supplier's. */
    public boolean isAgencyStaff() {
        return has(Role.DPA_ADMIN) || has(Role.DPA_SIGNATORY);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return username;
    }
}
