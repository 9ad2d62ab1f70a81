package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Every @PreAuthorize names roles and nothing else: {@link RolesBeforeBinding} checks it before the handler's
 * arguments exist, so an expression about an argument would be checked against nothing.
 */
class RoleExpressionsTest {

    private static final String ROLES = "hasRole\\('[A-Z_]+'\\)|hasAnyRole\\('[A-Z_]+'(, '[A-Z_]+')*\\)";

    @Test
    void everyRoleCheckNamesRolesOnly() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.dotchain.hub");
        List<String> expressions = new ArrayList<>();
        for (JavaClass type : classes) {
            type.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(check -> expressions.add(check.value()));
            type.getMethods().forEach(method -> method.tryGetAnnotationOfType(PreAuthorize.class)
                    .ifPresent(check -> expressions.add(check.value())));
        }
        assertThat(expressions).as("the hub's role checks").hasSizeGreaterThan(40).allMatch(e -> e.matches(ROLES));
    }
}
