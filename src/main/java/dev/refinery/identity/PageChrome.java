package dev.refinery.identity;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.refinery.shared.Chrome;

/**
 * Adds the layout's {@link Chrome} to every rendered page of every module. Runs after the handler and only
 * when a view is rendered, and the team list is read only if the view shows it: API calls, redirects and
 * fragments never pay for it.
 */
@Configuration
class PageChrome implements HandlerInterceptor, WebMvcConfigurer {

    private final Teams teams;

    PageChrome(Teams teams) {
        this.teams = teams;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
            return;
        }
        page.addObject("chrome", chrome(request));
    }

    Chrome chrome(HttpServletRequest request) {
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var csrf = token == null ? null : new Chrome.Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount me) {
            Supplier<List<Chrome.TeamLink>> links = SingletonSupplier.of(() -> teams.of(me.id()).stream()
                .map(m -> new Chrome.TeamLink(m.team().key().value(), m.team().name()))
                .toList());
            return new Chrome(me.account().displayName(), me.account().administrator(), links, csrf);
        }
        return new Chrome(null, false, List::of, csrf);
    }
}
