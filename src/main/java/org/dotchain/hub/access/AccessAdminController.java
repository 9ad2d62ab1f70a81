package org.dotchain.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('DPA_ADMIN')")
@Tag(name = "Access administration", description = "The DPA's access procedure: letters, training, access")
class AccessAdminController {

    private final AccessAdministration access;

    AccessAdminController(AccessAdministration access) {
        this.access = access;
    }

    record Letter(@NotBlank @Size(max = 40) @Schema(example = "DPA/2026/1187") String number,
                  @NotNull @Schema(example = "2026-11-02") LocalDate date) {
    }

    record Designation(@NotBlank @Size(max = 40) @Schema(example = "A3003/2026/44") String number,
                       @NotNull @Schema(example = "2026-11-06") LocalDate date,
                       @NotEmpty List<@Valid DesignatedPersonRequest> persons) {
    }

    record DesignatedPersonRequest(@NotBlank @Size(max = 64) @Schema(example = "o.kovalenko") String username,
                                   @NotBlank @Size(max = 200) @Schema(example = "Olena Kovalenko") String fullName,
                                   @NotEmpty @Schema(example = "[\"ORDERER\", \"RECEIVER\"]") Set<Role> roles) {
    }

    record Training(@NotBlank @Size(max = 200) @Schema(example = "DOT-Chain Defence for units") String course,
                    @NotNull @Schema(example = "2026-11-10") LocalDate completedOn) {
    }

    record Staff(@NotBlank @Size(max = 64) @Schema(example = "skyforge.signer") String username,
                 @NotBlank @Size(max = 200) @Schema(example = "Taras Bondar") String fullName,
                 @NotEmpty @Schema(example = "[\"SUPPLIER\"]") Set<Role> roles,
                 @Size(max = 32) @Schema(example = "skyforge", description = "for SUPPLIER persons: whose")
                 String supplierCode) {
    }

    record LetterRecorded(Long id, String unitCode, AccessLetter.Kind kind, String number, LocalDate date) {
        static LetterRecorded of(AccessLetter letter) {
            return new LetterRecorded(letter.getId(), letter.getUnit().getCode(), letter.getKind(),
                    letter.getLetterNumber(), letter.getLetterDate());
        }
    }

    @PostMapping("/units/{unitCode}/request-letters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the DPA's letter asking the unit whom it designates")
    LetterRecorded requestLetter(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode,
                                 @Valid @RequestBody Letter letter) {
        return LetterRecorded.of(access.recordRequestLetter(admin.username(), unitCode, letter.number(), letter.date()));
    }

    @PostMapping("/units/{unitCode}/designation-letters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the unit's answer: the persons who order, receive and sign, with their roles")
    List<String> designationLetter(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode,
                                   @Valid @RequestBody Designation letter) {
        return access.recordDesignationLetter(admin.username(), unitCode, letter.number(), letter.date(),
                        letter.persons().stream().map(person -> new AccessAdministration.DesignatedPerson(
                                person.username(), person.fullName(), person.roles())).toList())
                .stream().map(Person::getUsername).toList();
    }

    @PostMapping("/persons/{username}/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that a person completed the training")
    void training(@AuthenticationPrincipal HubUser admin, @PathVariable String username,
                  @Valid @RequestBody Training training) {
        access.recordTraining(admin.username(), username, training.course(), training.completedOn());
    }

    @PostMapping("/units/{unitCode}/access")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant the unit's designated, trained persons access: a one-time activation token each")
    List<AccessAdministration.Activation> grant(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode) {
        return access.grantAccess(admin.username(), unitCode);
    }

    @DeleteMapping("/units/{unitCode}/access")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw the unit's access: accounts and tokens stop working at once")
    void withdraw(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode) {
        access.withdrawAccess(admin.username(), unitCode);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a supplier's person, a DPA signatory, an administrator or an operator")
    AccessAdministration.Activation staff(@AuthenticationPrincipal HubUser admin, @Valid @RequestBody Staff staff) {
        return access.createStaff(admin.username(), staff.username(), staff.fullName(), staff.roles(),
                staff.supplierCode());
    }
}
