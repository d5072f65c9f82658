package vn.tonghop.console;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.job.RunLock;
import vn.tonghop.console.users.SignedIn;

/**
 * The console's one security configuration. Every page but sign-in needs a session; the
 * session id changes at sign-in; signing out ends it; an idle one expires
 * ({@code tonghop.console.session-timeout}); a disabled user's sessions end at once (the
 * session registry). CSRF protection on every form and action. Pages under
 * {@code /admin/} are the ADMIN's; which provinces a user may see is {@link Scope}'s
 * answer, applied by every page and query. Responses carry a Content-Security-Policy
 * without inline scripts or styles, and the usual headers; HSTS when the request came
 * over TLS (behind a reverse proxy, {@code tonghop.console.behind-proxy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class ConsoleSecurity {

	/** What the console's pages may load: their own scripts, styles and images only. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
			+ " form-action 'self'; frame-ancestors 'none'";

	/**
	 * The actuator's endpoints, which exist on the metrics server (127.0.0.1) only: open
	 * there, as they were before the console; on the console's port the path leads
	 * nowhere (404).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain metricsSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consolePages(HttpSecurity http, SessionRegistry sessions, AuditLog audit) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/sign-in", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/huong-dan")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/union/**")
			.hasRole("UNION")
			.requestMatchers("/password", "/sign-out")
			.authenticated()
			.anyRequest()
			.hasAnyRole("ADMIN", "ANALYST"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new UnionsToTheirPage()))
			.formLogin((form) -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.successHandler(new PasswordFirst())
				.failureHandler(new SignInFailed())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/sign-out")
				.logoutSuccessUrl("/sign-in?signed-out")
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record(authentication.getName(), AuditLog.address(request), AuditLog.Action.SIGN_OUT,
								null);
					}
				}))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredUrl("/sign-in?expired"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	/** The sessions of each user, so that disabling a user ends hers. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when a session ends. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * A union that asks for a page of the federation's: the console's start page leads to
	 * its own; any other answers 403, as for anyone refused.
	 */
	private static final class UnionsToTheirPage implements AccessDeniedHandler {

		private final AccessDeniedHandler refused = new AccessDeniedHandlerImpl();

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
				throws IOException, ServletException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof SignedIn user && user.union()
					&& "GET".equals(request.getMethod())
					&& "/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
				response.sendRedirect(request.getContextPath() + "/union");
				return;
			}
			this.refused.handle(request, response, denied);
		}

	}

	/**
	 * After sign-in: the password page when the password is one-time, otherwise the page
	 * asked for before sign-in, or the year's page.
	 */
	private static final class PasswordFirst extends SavedRequestAwareAuthenticationSuccessHandler {

		PasswordFirst() {
			setDefaultTargetUrl("/");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			if (authentication.getPrincipal() instanceof SignedIn user && user.mustChangePassword()) {
				getRedirectStrategy().sendRedirect(request, response, "/password");
				return;
			}
			if (authentication.getPrincipal() instanceof SignedIn user && user.union()) {
				// a union's page, whatever was asked before: it sees no other
				getRedirectStrategy().sendRedirect(request, response, "/union");
				return;
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	/**
	 * A failed sign-in: the sign-in page, saying whether the account is locked, or the
	 * database held by a command-line run.
	 */
	private static final class SignInFailed implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String outcome = (exception instanceof LockedException) ? "locked"
					: RunLock.databaseInUse(exception) ? "busy" : "error";
			response.sendRedirect(request.getContextPath() + "/sign-in?" + outcome);
		}

	}

}
