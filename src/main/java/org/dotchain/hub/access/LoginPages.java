package org.dotchain.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logging in on the pages: the username and password, then the TOTP code, a partial login in between (as Spring
 * Security's MFA sample shapes it); and activating an account with its one-time link: a password, the QR code of
 * the TOTP secret, a first code.
 */
@Controller
class LoginPages {

    static final Duration SECOND_STEP = Duration.ofMinutes(5);

    private final TwoFactorLogin login;
    private final LoginAttempts attempts;
    private final AccountActivation activation;
    private final SecurityContextRepository sessions;
    private final CsrfTokenRepository csrfTokens;
    private final RequestCache askedFor;
    private final Clock clock;

    LoginPages(TwoFactorLogin login, LoginAttempts attempts, AccountActivation activation, SecurityContextRepository sessions,
               CsrfTokenRepository pageCsrfTokens, RequestCache pageRequests, Clock clock) {
        this.csrfTokens = pageCsrfTokens;
        this.askedFor = pageRequests;
        this.login = login;
        this.attempts = attempts;
        this.activation = activation;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/login")
    String loginForm(@RequestParam(required = false) String expired, @RequestParam(required = false) String loggedOut,
                     @RequestParam(required = false) String activated, Model model) {
        if (expired != null) {
            model.addAttribute("notice", "login.expired");
        } else if (loggedOut != null) {
            model.addAttribute("notice", "login.loggedOut");
        } else if (activated != null) {
            model.addAttribute("notice", "login.activated");
        }
        return "login/password";
    }

    /**
     * The password step leads to the code step whatever the password was: only the code step says whether the login
     * passed, so that neither step tells a stranger whether the username exists or the password was right.
     */
    @PostMapping("/login")
    String password(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        TwoFactorLogin.FirstFactor first;
        try {
            first = login.firstFactor(username, password, request.getRemoteAddr());
        } catch (TooManyAttemptsException tooMany) {
            model.addAttribute("username", username);
            model.addAttribute("error", "login.refused.too_many");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfter().orElseThrow().toSeconds()));
            return "login/password";
        }
        keep(new PartialLogin(first, clock.instant().plus(SECOND_STEP)), request, response);
        return "redirect:/login/code";
    }

    @GetMapping("/login/code")
    String codeForm() {
        return "login/code";
    }

    @PostMapping("/login/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model, RedirectAttributes startAgain) {
        PartialLogin partial = (PartialLogin) SecurityContextHolder.getContext().getAuthentication();
        if (partial.expiredAt(clock.instant())) {
            keep(null, request, response);
            return "redirect:/login?expired";
        }
        HubUser user;
        try {
            user = login.secondFactor(partial.firstFactor(), code.strip(), request.getRemoteAddr());
        } catch (LoginRefusedException refused) {
            if (refused.getReason() == LoginRefusedException.Reason.WRONG_CREDENTIALS) {
                keep(null, request, response);
                startAgain.addFlashAttribute("username", partial.getPrincipal());
                startAgain.addFlashAttribute("error", messageOf(refused));
                return "redirect:/login";
            }
            model.addAttribute("error", messageOf(refused));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return "login/code";
        }
        keep(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
        SavedRequest asked = askedFor.getRequest(request, response);
        askedFor.removeRequest(request, response);
        return "redirect:" + (asked == null ? "/" : pathOf(asked.getRedirectUrl()));
    }

    @GetMapping("/activate")
    String activationForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "login/activate";
    }

    @PostMapping("/activate")
    String choosePassword(@RequestParam(defaultValue = "") String token,
                          @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String repeated, HttpServletRequest request, Model model) {
        attempts.admit(request.getRemoteAddr());
        model.addAttribute("token", token);
        model.addAttribute("here", activationLink(token));
        if (!password.equals(repeated)) {
            model.addAttribute("passwordError", "activate.passwordsDiffer");
            return "login/activate";
        }
        if (password.length() < AccountActivation.MIN_PASSWORD_LENGTH) {
            model.addAttribute("passwordError", "activate.passwordShort");
            return "login/activate";
        }
        try {
            AccountActivation.Enrolment enrolment = activation.setPassword(token, password);
            model.addAttribute("token", token);
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("qr", QrCodes.svg(enrolment.otpauthUri()));
            return "login/enrol";
        } catch (LoginRefusedException refused) {
            model.addAttribute("tokenError", "activate.tokenInvalid");
            return "login/activate";
        }
    }

    @PostMapping("/activate/code")
    String confirm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String code,
                   HttpServletRequest request, Model model) {
        attempts.admit(request.getRemoteAddr());
        model.addAttribute("here", activationLink(token));
        try {
            activation.confirmTotp(token, code.strip());
            return "redirect:/login?activated";
        } catch (LoginRefusedException refused) {
            model.addAttribute("token", token);
            model.addAttribute("tokenError", "activate.tokenInvalid");
            return "login/activate";
        } catch (IllegalArgumentException wrong) {
            AccountActivation.Enrolment enrolment = activation.pendingEnrolment(token);
            model.addAttribute("token", token);
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("qr", QrCodes.svg(enrolment.otpauthUri()));
            model.addAttribute("codeError", "activate.codeWrong");
            return "login/enrol";
        }
    }

    /**
     * The session's login from now on, under a new session id and with a new CSRF token, so that neither an id nor
     * a form's token seen before the login can take it over.
     */
    private void keep(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
    }

    /** The page asked for, on this site whatever host the request that asked for it named. */
    private static String pathOf(String url) {
        UriComponents asked = UriComponentsBuilder.fromUriString(url).build();
        String path = asked.getPath() == null || !asked.getPath().startsWith("/") ? "/" : asked.getPath();
        return path + (asked.getQuery() == null ? "" : "?" + asked.getQuery());
    }

    /**
     * The activation link, where the pages answering its forms send the language switch: back to the password step
     * in the other language, which keeps the QR code's secret.
     */
    private static String activationLink(String token) {
        return UriComponentsBuilder.fromPath("/activate").queryParam("token", token).encode().build().toUriString()
                + "&";
    }

    private static String messageOf(LoginRefusedException refused) {
        return "login.refused." + refused.getReason().name().toLowerCase(Locale.ROOT);
    }
}
