package vn.tonghop.console.unions;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.normalise.ProvinceResolver;

/** The unions' accounts as the console makes them: the same class as the command line. */
@Configuration(proxyBeanMethods = false)
class UnionsConfiguration {

	@Bean
	UnionAccounts unionAccounts(DataSource dataSource, ConsoleUsers users, ProvinceResolver provinces) {
		return new UnionAccounts(dataSource, users, provinces);
	}

}
