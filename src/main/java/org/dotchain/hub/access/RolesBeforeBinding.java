package org.dotchain.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A handler's @PreAuthorize checked before its arguments are read: method security checks it only once the body
 * is bound and validated, so that a role that may not take a step would hear the step's field rules (a 400) instead
 * of a refusal. The expression is evaluated as method security does (its beans, its role prefix), with no argument
 * (none is bound yet): the hub's expressions name roles only, which {@code RoleExpressionsTest} holds them to.
 */
@Component
class RolesBeforeBinding implements HandlerInterceptor, WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    RolesBeforeBinding(ApplicationContext context) {
        roles.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your roles do not allow this");
            }
        }
        return true;
    }
}
