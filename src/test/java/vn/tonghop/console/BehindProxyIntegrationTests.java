package vn.tonghop.console;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;
import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The console behind a TLS reverse proxy ({@code tonghop.console.behind-proxy=true}): a
 * request the proxy forwards as HTTPS gets HSTS and a Secure session cookie, and the
 * audit log has the client's address the proxy forwarded.
 */
class BehindProxyIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	@BeforeAll
	static void start() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "settings of the web server: the embedded H2 run has them");
		System.setProperty("tonghop.console.behind-proxy", "true");
		try {
			server = ConsoleServer.start(work);
		}
		finally {
			System.clearProperty("tonghop.console.behind-proxy");
		}
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aRequestForwardedAsHttpsGetsHstsAndASecureCookie() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.url("/sign-in"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
	}

	@Test
	void theAuditLogHasTheAddressTheProxyForwarded() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.url("/sign-in"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).isTrue();
		// the cookie is Secure: the proxy, not this plain client, would carry it over TLS
		String session = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(server.url("/sign-in"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=khong.co&password=sai&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).contains("error"));
		assertThat(server.query("SELECT address FROM audit_log WHERE username = 'khong.co'").toString())
			.contains("203.0.113.9");
	}

}
