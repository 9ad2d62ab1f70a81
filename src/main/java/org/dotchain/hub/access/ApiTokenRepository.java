package org.dotchain.hub.access;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

    @Query("select t from ApiToken t join fetch t.person p where t.tokenHash = :hash and t.expiresAt > :now and p.active = true")
    Optional<ApiToken> findLive(String hash, Instant now);

    @Modifying
    @Query("delete from ApiToken t where t.person.id = :personId")
    void deleteByPersonId(Long personId);
}
