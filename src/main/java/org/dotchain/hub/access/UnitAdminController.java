package org.dotchain.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/units")
@PreAuthorize("hasRole('DPA_ADMIN')")
@Tag(name = "Units", description = "The DPA's register of military units: code and name, access state, people")
class UnitAdminController {

    private final UnitRegistry registry;

    UnitAdminController(UnitRegistry registry) {
        this.registry = registry;
    }

    record NewUnit(@NotBlank @Size(max = 16) @Schema(example = "A4004") String code,
                   @NotBlank @Size(max = 200) @Schema(example = "Military unit A4004") String name) {
    }

    record Renaming(@NotBlank @Size(max = 200) @Schema(example = "Military unit A4004, air reconnaissance")
                    String name) {
    }

    @PostMapping
    @Operation(summary = "Register a unit by its code and name (nothing of its size, staffing or location)")
    ResponseEntity<UnitRegistry.UnitView> register(@AuthenticationPrincipal HubUser admin,
                                                   @Valid @RequestBody NewUnit unit) {
        UnitRegistry.UnitView registered = registry.register(admin.username(), unit.code(), unit.name());
        return ResponseEntity.created(URI.create("/api/admin/units/" + registered.code())).body(registered);
    }

    @GetMapping
    @Operation(summary = "Every unit, with its access state, letters, designated persons and trainings")
    List<UnitRegistry.UnitView> units() {
        return registry.all();
    }

    @GetMapping("/{unitCode}")
    @Operation(summary = "One unit, with its access state, letters, designated persons and trainings")
    UnitRegistry.UnitView unit(@PathVariable String unitCode) {
        return registry.one(unitCode);
    }

    @PatchMapping("/{unitCode}")
    @Operation(summary = "Rename a unit")
    UnitRegistry.UnitView rename(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode,
                                 @Valid @RequestBody Renaming renaming) {
        return registry.rename(admin.username(), unitCode, renaming.name());
    }

    @PostMapping("/{unitCode}/retirement")
    @Operation(summary = "Retire a unit: nobody of it can log in from now on; its history stays")
    UnitRegistry.UnitView retire(@AuthenticationPrincipal HubUser admin, @PathVariable String unitCode) {
        return registry.retire(admin.username(), unitCode);
    }
}
