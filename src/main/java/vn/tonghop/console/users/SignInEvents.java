package vn.tonghop.console.users;

import java.time.LocalDateTime;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.tonghop.TonghopProperties;
import vn.tonghop.console.audit.AuditLog;

/**
 * Sign-ins, good and failed, into the audit log; failed ones in a row lock the account
 * for a while ({@code tonghop.console.max-failed-sign-ins}, {@code lock-duration}).
 */
@Component
class SignInEvents {

	private final ConsoleUsers users;

	private final AuditLog audit;

	private final TonghopProperties.Console settings;

	SignInEvents(ConsoleUsers users, AuditLog audit, TonghopProperties properties) {
		this.users = users;
		this.audit = audit;
		this.settings = properties.console();
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (authentication.getPrincipal() instanceof SignedIn user) {
			this.users.signedIn(user.id());
			this.audit.record(user.getUsername(), address(authentication), AuditLog.Action.SIGN_IN, null);
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication authentication = event.getAuthentication();
		String username = String.valueOf(authentication.getPrincipal());
		String address = address(authentication);
		String reason = reason(event.getException());
		this.audit.record(username, address, AuditLog.Action.SIGN_IN_FAILED, reason);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.users.byUsername(username).ifPresent((user) -> {
				if (this.users.failedSignIn(user.id(), this.settings.maxFailedSignIns(), this.settings.lockDuration(),
						LocalDateTime.now())) {
					this.audit.record(username, address, AuditLog.Action.SIGN_IN_LOCKED,
							"khoá " + this.settings.lockDuration().toMinutes() + " phút sau "
									+ this.settings.maxFailedSignIns() + " lần đăng nhập sai liên tiếp");
				}
			});
		}
	}

	/** Why a sign-in failed, for the audit log. */
	private static String reason(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "tài khoản đang bị khoá tạm thời";
		}
		if (exception instanceof DisabledException) {
			return "tài khoản đã bị vô hiệu hoá";
		}
		if (exception instanceof BadCredentialsException) {
			return "sai tên đăng nhập hoặc mật khẩu";
		}
		return exception.getClass().getSimpleName();
	}

	private static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		return AuditLog.address();
	}

}
