package vn.tonghop.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.SignedIn;

/**
 * The console's language and the one-time password gate. Pages are in Vietnamese; in
 * English when the browser asks for English first, or when the user switches
 * ({@code ?lang=en}, {@code ?lang=vi}), which a cookie remembers for a year.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

	private final ConsoleUsers users;

	ConsoleWeb(ConsoleUsers users) {
		this.users = users;
	}

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("tonghop-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(ConsoleWeb::browserLocale);
		return resolver;
	}

	/** English when the browser's first language is English, Vietnamese otherwise. */
	static Locale browserLocale(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
				if (!ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en")) {
					return Locale.ENGLISH;
				}
			}
			catch (IllegalArgumentException ex) {
				// a header no browser sends: the default
			}
		}
		return VIETNAMESE;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor language = new LocaleChangeInterceptor();
		language.setParamName("lang");
		language.setIgnoreInvalidLocale(true);
		registry.addInterceptor(language);
		registry.addInterceptor(new StillAllowed(this.users))
			.excludePathPatterns("/sign-in", "/css/**", "/js/**", "/img/**", "/error");
		registry.addInterceptor(new OneTimePasswordGate())
			.excludePathPatterns("/password", "/sign-in", "/sign-out", "/css/**", "/js/**", "/img/**", "/error");
	}

	/**
	 * Each request of a session checks the user as stored now: one disabled (on the Users
	 * page or by {@code tonghop user disable}) or given other provinces or another role
	 * since she signed in has her session ended and signs in again, so that no session
	 * keeps rights its user no longer has.
	 */
	private static final class StillAllowed implements HandlerInterceptor {

		private final ConsoleUsers users;

		StillAllowed(ConsoleUsers users) {
			this.users = users;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn user)) {
				return true;
			}
			Optional<ConsoleUser> stored = this.users.byId(user.id());
			boolean allowed = stored.isPresent() && stored.get().enabled() && stored.get().role() == user.role()
					&& stored.get().provinces().equals(user.provinces());
			if (allowed) {
				return true;
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/sign-in?expired");
			return false;
		}

	}

	/** Until a one-time password is changed, every page leads to the password page. */
	private static final class OneTimePasswordGate implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof SignedIn user
					&& user.mustChangePassword()) {
				response.sendRedirect(request.getContextPath() + "/password");
				return false;
			}
			return true;
		}

	}

}
