package org.dotchain.hub.signing;

import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A document signed from a page (an order, an expenditure invoice, a certificate): with the development key, the
 * page's notice on success, or the refusal said in the reader's language.
 */
@Component
public class PageSigning {

    private final SigningService signing;

    PageSigning(SigningService signing) {
        this.signing = signing;
    }

    /** @param document the document to sign, looked up only now: one the caller may not see is said as such */
    public void sign(Supplier<Long> document, HubUser caller, String notice, RedirectAttributes next) {
        try {
            signing.signWithDevelopmentKey(document.get(), caller);
            next.addFlashAttribute("notice", notice);
        } catch (Refusal | NoSuchElementException refused) {
            PageRefusals.show(refused, next);
        }
    }
}
