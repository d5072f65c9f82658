package vn.tonghop.console;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's frame: sign-in, sessions, CSRF, lockout, the one-time password, the
 * language and the security headers.
 */
class ConsoleFrameIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void everyPageButSignInNeedsASession() throws Exception {
		mvc.perform(get("/password")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/sign-in")).andExpect(status().isOk());
		mvc.perform(get("/css/console.css")).andExpect(status().isOk());
	}

	@Test
	void signInChangesTheSessionIdAndSignOutEndsIt() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcResult signedIn = mvc
			.perform(post("/sign-in").session(session)
				.param("username", ConsoleServer.DONG_NAI)
				.param("password", ConsoleServer.PASSWORD)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		MockHttpSession after = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(after.getId()).isNotEqualTo(before);
		mvc.perform(get("/password").session(after)).andExpect(status().isOk());
		mvc.perform(post("/sign-out").session(after).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));
		assertThat(after.isInvalid()).isTrue();
	}

	@Test
	void aUserDisabledOrRescopedElsewhereHasHerSessionEndedAtHerNextPage() throws Exception {
		vn.tonghop.console.users.ConsoleUsers users = server.bean(vn.tonghop.console.users.ConsoleUsers.class);
		for (String change : java.util.List.of("disabled", "rescoped")) {
			vn.tonghop.console.users.ConsoleUser user = users.create("doi." + change, null,
					vn.tonghop.console.users.Role.ANALYST, java.util.Set.of("75"), ConsoleServer.PASSWORD, false);
			MockHttpSession session = (MockHttpSession) mvc
				.perform(post("/sign-in").param("username", user.username())
					.param("password", ConsoleServer.PASSWORD)
					.with(csrf()))
				.andReturn()
				.getRequest()
				.getSession(false);
			mvc.perform(get("/password").session(session)).andExpect(status().isOk());
			// as `tonghop user disable` does from a terminal, or a rescope
			if (change.equals("disabled")) {
				users.setEnabled(user.id(), false);
			}
			else {
				users.rescope(user.id(), vn.tonghop.console.users.Role.ANALYST, java.util.Set.of("75", "01"));
			}
			mvc.perform(get("/password").session(session)).andExpect(redirectedUrl("/sign-in?expired"));
			assertThat(session.isInvalid()).as(change).isTrue();
		}
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(
				post("/sign-in").param("username", ConsoleServer.DONG_NAI).param("password", ConsoleServer.PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/password").with(server.as(ConsoleServer.DONG_NAI))
			.param("current", ConsoleServer.PASSWORD)
			.param("password", "Mot-mat-khau-khac-1")
			.param("repeated", "Mot-mat-khau-khac-1")).andExpect(status().isForbidden());
	}

	@Test
	void repeatedFailedSignInsLockTheAccountAndAreAudited() throws Exception {
		server.bean(vn.tonghop.console.users.ConsoleUsers.class)
			.create("bi.khoa", null, vn.tonghop.console.users.Role.ANALYST, java.util.Set.of("01"),
					ConsoleServer.PASSWORD, false);
		for (int i = 0; i < 5; i++) {
			mvc.perform(
					post("/sign-in").param("username", "bi.khoa").param("password", "sai-mat-khau-" + i).with(csrf()))
				.andExpect(redirectedUrl("/sign-in?error"));
		}
		// the right password no longer opens it
		mvc.perform(
				post("/sign-in").param("username", "bi.khoa").param("password", ConsoleServer.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?locked"));
		assertThat(server.query("SELECT action FROM audit_log WHERE username = 'bi.khoa' ORDER BY id"))
			.extracting((row) -> row.get("ACTION") != null ? row.get("ACTION") : row.get("action"))
			.containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
					"SIGN_IN_FAILED", "SIGN_IN_LOCKED", "SIGN_IN_FAILED");
	}

	@Test
	void aOneTimePasswordLeadsToThePasswordPageUntilChanged() throws Exception {
		server.bean(vn.tonghop.console.users.ConsoleUsers.class)
			.create("mot.lan", null, vn.tonghop.console.users.Role.ANALYST, java.util.Set.of("75"), "Dung-mot-lan-123",
					true);
		MvcResult signedIn = mvc
			.perform(post("/sign-in").param("username", "mot.lan").param("password", "Dung-mot-lan-123").with(csrf()))
			.andExpect(redirectedUrl("/password"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		mvc.perform(get("/files").session(session)).andExpect(redirectedUrl("/password"));
		mvc.perform(post("/password").session(session)
			.with(csrf())
			.param("current", "Dung-mot-lan-123")
			.param("password", "Mat-khau-cua-toi-1")
			.param("repeated", "Mat-khau-cua-toi-1")).andExpect(redirectedUrl("/?password-changed"));
		mvc.perform(get("/password").session(session)).andExpect(status().isOk());
	}

	@Test
	void responsesCarryAContentSecurityPolicyWithoutInlineScripts() throws Exception {
		mvc.perform(get("/sign-in"))
			.andExpect(header().string("Content-Security-Policy", ConsoleSecurity.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		assertThat(ConsoleSecurity.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
	}

	@Test
	void htstOnlyOverTls() throws Exception {
		mvc.perform(get("/sign-in").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		mvc.perform(get("/sign-in")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void pagesAreInVietnameseAndInEnglishWhenAsked() throws Exception {
		assertThat(mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString()).contains("Đăng nhập");
		assertThat(mvc.perform(get("/sign-in").header("Accept-Language", "en-US,en;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Sign in");
		MvcResult switched = mvc.perform(get("/sign-in").param("lang", "en")).andReturn();
		assertThat(switched.getResponse().getCookie("tonghop-lang")).isNotNull();
		assertThat(switched.getResponse().getContentAsString()).contains("Sign in");
	}

	@Test
	void metricsStayOnTheirOwnServerWhereNoConsolePageIsServed() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.metricsPort() + "/actuator/health"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		java.net.http.HttpResponse<String> signIn = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.metricsPort() + "/sign-in"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(404);
		java.net.http.HttpResponse<String> consoleMetrics = http.send(
				java.net.http.HttpRequest.newBuilder(server.url("/actuator/health")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(consoleMetrics.statusCode()).isEqualTo(404);
	}

}
