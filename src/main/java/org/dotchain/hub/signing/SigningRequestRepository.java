package org.dotchain.hub.signing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SigningRequestRepository extends JpaRepository<SigningRequest, UUID> {
}
