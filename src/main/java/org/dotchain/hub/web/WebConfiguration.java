package org.dotchain.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages speak Ukrainian unless the reader chose English (?lang=en on any page, kept in a cookie); no other
 * language is taken, since the pages' texts are in these two only.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final LayoutModel layout;
    private final CookieLocaleResolver languages = new CookieLocaleResolver("hub-lang");

    WebConfiguration(LayoutModel layout) {
        this.layout = layout;
        languages.setDefaultLocaleFunction(request -> UKRAINIAN);
        languages.setCookieMaxAge(Duration.ofDays(365));
        languages.setCookieSameSite("Lax");
    }

    @Bean
    LocaleResolver localeResolver() {
        return languages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if ("uk".equals(lang) || "en".equals(lang)) {
                    languages.setLocale(request, response, Locale.forLanguageTag(lang));
                }
                return true;
            }
        });
        registry.addInterceptor(layout);
    }
}
