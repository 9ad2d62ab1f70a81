package org.dotchain.hub.access;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    /** Login takes the person's row lock: parallel attempts cannot both spend one TOTP code or dodge the lock-out. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Person p where p.username = :username")
    Optional<Person> lockByUsername(String username);

    Optional<Person> findByActivationTokenHash(String tokenHash);

    List<Person> findByUnitId(Long unitId);

    /** The DPA's own people and the suppliers': everyone of no unit. */
    List<Person> findByUnitIsNullOrderByUsername();

    /** Whether any active account holds the role. */
    @Query("select count(p) > 0 from Person p join p.roles r where r = :role and p.active = true")
    boolean anyActiveWith(Role role);
}
