package vn.tonghop.console.users;

import java.time.LocalDateTime;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The console's users as Spring Security sees them. */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return ConsoleUsers.passwordEncoder();
	}

	@Bean
	ConsoleUsers consoleUsers(DataSource dataSource, PasswordEncoder passwordEncoder) {
		return new ConsoleUsers(dataSource, passwordEncoder);
	}

	/**
	 * A user by sign-in name, disabled or locked as stored; a locked account is refused
	 * before its password is checked.
	 */
	@Bean
	UserDetailsService userDetailsService(ConsoleUsers users) {
		return (username) -> {
			ConsoleUser user = users.byUsername(username)
				.orElseThrow(() -> new UsernameNotFoundException("no user " + username));
			return new SignedIn(user, users.passwordHash(user.id()), user.lockedAt(LocalDateTime.now()),
					user.mustChangePassword());
		};
	}

}
