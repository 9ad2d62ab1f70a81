package org.dotchain.hub.signing;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SigningRoundRepository extends JpaRepository<SigningRound, Long> {

    Optional<SigningRound> findByDocumentId(Long documentId);

    /** Signing takes the round's row lock: two signatures for one step cannot both land. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SigningRound r where r.document.id = :documentId")
    Optional<SigningRound> lockByDocumentId(Long documentId);
}
