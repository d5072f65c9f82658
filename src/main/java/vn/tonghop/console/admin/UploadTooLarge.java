package vn.tonghop.console.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * An upload larger than {@code spring.servlet.multipart.max-file-size} (a registry on the
 * administration page, a union's return on its page): the page again, saying how large a
 * file may be, not a bare 413. Tomcat refuses such a form when it is first read, and the
 * first to read it is the CSRF check (its token is among the form's fields), which then
 * fails: so the upload is read here, just before Spring Security, and a file too large
 * leads back to the page. Reading it first gives nobody more than the CSRF check would: a
 * request that is not an ADMIN's is still refused at the page it is sent to.
 */
@Configuration(proxyBeanMethods = false)
class UploadTooLarge {

	@Bean
	FilterRegistrationBean<UploadFilter> registryUploadTooLarge() {
		FilterRegistrationBean<UploadFilter> registration = new FilterRegistrationBean<>(
				new UploadFilter(RegistryController.PATH + "?too-large"));
		registration.addUrlPatterns(RegistryController.PATH);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UploadFilter> unionUploadTooLarge() {
		FilterRegistrationBean<UploadFilter> registration = new FilterRegistrationBean<>(
				new UploadFilter("/union?qua-lon"));
		registration.addUrlPatterns("/union/upload");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	/** Reads the parts of an upload, or redirects when the file is too large. */
	static final class UploadFilter extends OncePerRequestFilter {

		private final String tooLarge;

		UploadFilter(String tooLarge) {
			this.tooLarge = tooLarge;
		}

		private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !HttpMethod.POST.matches(request.getMethod()) || !this.multipart.isMultipart(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				// the parts stay with the request for those who read them next
				this.multipart.resolveMultipart(request);
			}
			catch (MaxUploadSizeExceededException ex) {
				response.sendRedirect(request.getContextPath() + this.tooLarge);
				return;
			}
			catch (MultipartException ex) {
				// not a size: whoever reads the form next answers it as before
			}
			chain.doFilter(request, response);
		}

	}

}
