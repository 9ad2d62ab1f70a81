package org.dotchain.hub.platform;

import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The one paging and sorting policy of the API: a page number that keeps the offset in range, a page size up to
 * spring.data.web.pageable.max-page-size, and sorting only by the fields an endpoint documents.
 */
public final class Paging {

    /** Far beyond any real list, and a page times its size still fits the database's offset. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    public static Pageable checked(Pageable page, Set<String> sortable) {
        if (page.getPageNumber() > MAX_PAGE) {
            throw new InvalidFieldException("page", "'page' is at most " + MAX_PAGE);
        }
        for (Sort.Order order : page.getSort()) {
            if (!sortable.contains(order.getProperty())) {
                throw new InvalidFieldException("sort", "Cannot sort by '" + order.getProperty() + "': this list is "
                        + "sorted by " + String.join(", ", sortable.stream().sorted().toList())
                        + ", each with ,asc or ,desc");
            }
        }
        return page;
    }
}
