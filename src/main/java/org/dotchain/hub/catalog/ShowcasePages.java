package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.util.Map;
import org.dotchain.hub.platform.Paging;
import org.dotchain.hub.suppliers.ProductTypes;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The showcase as pages: tiles with filters and search, and each product's card. */
@Controller
class ShowcasePages {

    static final int TILES = 12;

    private final Showcase showcase;

    ShowcasePages(Showcase showcase) {
        this.showcase = showcase;
    }

    @GetMapping("/showcase")
    String showcase(@RequestParam(required = false) String type, @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "false") boolean inStock,
                    @RequestParam(required = false) BigDecimal maxPrice,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String forbidden,
                    Model model) {
        if (forbidden != null) {
            model.addAttribute("problemKey", "page.forbidden");
        }
        String wantedType = type == null || type.isBlank() ? null : type;
        String words = q == null || q.isBlank() ? null : q.strip();
        ProductFilter filter = new ProductFilter(wantedType, null, inStock ? Boolean.TRUE : null, null, maxPrice,
                words, Map.of());
        // a page number past any real one shows the last page's emptiness, never an offset out of range
        Page<ProductView> tiles = showcase.search(filter, PageRequest.of(Math.min(Math.max(page, 0), Paging.MAX_PAGE),
                TILES, Sort.by("name")));
        model.addAttribute("tiles", tiles);
        model.addAttribute("types", ProductTypes.ALL);
        model.addAttribute("type", wantedType);
        model.addAttribute("q", words);
        model.addAttribute("inStock", inStock);
        model.addAttribute("maxPrice", maxPrice);
        return "showcase/list";
    }

    @GetMapping("/showcase/{code}")
    String card(@PathVariable String code, Model model) {
        model.addAttribute("product", showcase.card(code));
        return "showcase/card";
    }
}
