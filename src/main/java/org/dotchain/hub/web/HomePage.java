package org.dotchain.hub.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after login: the showcase, where the seed's personal account starts. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/showcase";
    }
}
