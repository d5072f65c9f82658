package vn.tonghop.console.unions;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.tonghop.normalise.ProvinceResolver;

/** The unions' accounts as the console makes them: the same class as the command line. */
@Configuration(proxyBeanMethods = false)
class UnionsConfiguration {

	@Bean
	UnionAccounts unionAccounts(DataSource dataSource, ProvinceResolver provinces) {
		return new UnionAccounts(dataSource, provinces);
	}

}
