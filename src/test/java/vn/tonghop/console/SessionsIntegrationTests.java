package vn.tonghop.console;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions as Tomcat keeps them, through real HTTP: an idle session lasts the configured
 * time ({@code tonghop.console.session-timeout}, 30 minutes by default) and a request
 * after it leads to sign-in; the session cookie is HttpOnly and SameSite=Lax.
 */
class SessionsIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void anIdleSessionExpiresAfterTheConfiguredTime() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		HttpResponse<String> signInPage = http.send(HttpRequest.newBuilder(server.url("/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signInPage.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage.body());
		assertThat(token.find()).isTrue();
		String form = "username=" + ConsoleServer.DONG_NAI + "&password="
				+ URLEncoder.encode(ConsoleServer.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(server.url("/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		assertThat(get(http, "/password").statusCode()).isEqualTo(200);

		Session session = tomcatSession(cookies);
		assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
		// as if 30 idle minutes had passed
		session.setMaxInactiveInterval(1);
		Thread.sleep(2_100);
		HttpResponse<String> after = get(http, "/password");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/sign-in"));
	}

	private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(server.url(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Session tomcatSession(CookieManager cookies) throws Exception {
		String id = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		TomcatWebServer tomcat = (TomcatWebServer) ((WebServerApplicationContext) server.context()).getWebServer();
		Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
		return context.getManager().findSession(id);
	}

}
