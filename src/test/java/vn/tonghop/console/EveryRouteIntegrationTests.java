package vn.tonghop.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.union.UnionReturns;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every route of the console as each role, and as an analyst of another province:
 * anonymous requests lead to sign-in, an analyst gets 403 on the federation's pages, an
 * analyst of Hà Nội gets 404 (or 403) on every route that names a row of Đồng Nai (a
 * file, its downloads, a trace), every action without its CSRF token is refused, and
 * nothing answers with a server error. A union's account reaches its own pages only (403
 * on every other, its start page leading to its own), and another union's upload answers
 * it 404; the federation's users get 403 on a union's pages. The routes are listed here:
 * a route the console has and this list does not fails the test, so a new page cannot
 * forget its rules.
 */
class EveryRouteIntegrationTests {

	/** Who may use a route. */
	enum Access {

		/** Everyone, signed in or not. */
		PUBLIC,
		/** Any signed-in user; what it shows is limited to her provinces. */
		SIGNED_IN,
		/** The federation only. */
		ADMIN,
		/** A union's account only; what it shows is limited to its union. */
		UNION,
		/**
		 * Any signed-in user, within the session that made what it names only (the list
		 * of union accounts with their one-time codes): from any other session, 404.
		 */
		OWN_SESSION

	}

	/**
	 * A route, and the request the walk makes of it.
	 *
	 * @param method the HTTP method
	 * @param pattern the route as mapped
	 * @param access who may use it
	 * @param ofDongNai whether the request names a row of Đồng Nai (then an analyst of Hà
	 * Nội must not reach it), or, on a union's route, an upload of Tân Mai (then another
	 * union must not reach it)
	 * @param path the path requested, with a query where the route needs one
	 * @param parameters form fields of a POST
	 */
	record Route(String method, String pattern, Access access, boolean ofDongNai, String path,
			Map<String, String> parameters) {

		String key() {
			return this.method + " " + this.pattern;
		}

	}

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	static long dongNaiFile;

	static long target;

	static long tanMaiUpload;

	static final String TAN_MAI = "cd750330";

	static final String OTHER_UNION = "cd750214";

	static long union;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
		// a rejected return of Đồng Nai, alone in its file: it has findings and a
		// feedback
		// copy (a file's page is named by the intake log row of its latest look)
		dongNaiFile = ((Number) server
			.query("SELECT MAX(id) FROM intake_log WHERE source_file = ?",
					"ldld-dong-nai/cd-cong-ty-thuc-pham-sao-mai.xlsx")
			.get(0)
			.values()
			.iterator()
			.next()).longValue();
		ConsoleUser user = server.bean(ConsoleUsers.class)
			.create("di.qua", null, Role.ANALYST, Set.of("75"), ConsoleServer.PASSWORD, false);
		target = user.id();
		union = server.bean(ConsoleUsers.class)
			.createUnion("cd759999", "CĐ Đi Qua", "CD759999", "75", ConsoleServer.PASSWORD)
			.id();
		// the registry of the samples: the missing unions' list exists
		Path registry = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");
		server.bean(RegistryStore.class)
			.replace(2026, registry.toAbsolutePath().toString(), Checksums.sha256(registry),
					server.bean(RegistryReader.class).read(registry, 2026).entries());
		// two unions' accounts, and a rejected return Tân Mai uploaded
		ConsoleUsers users = server.bean(ConsoleUsers.class);
		for (String code : List.of(TAN_MAI, OTHER_UNION)) {
			ConsoleUser account = users.createUnion(code, null, code.toUpperCase(java.util.Locale.ROOT), "75",
					"ma-mot-lan-0000");
			users.setPassword(account.id(), ConsoleServer.PASSWORD, false);
		}
		Path file = UnionReturns.write(work.resolve("tân mai.xlsx"), UnionReturns.TAN_MAI, UnionReturns.TAN_MAI_NAME,
				950, true);
		String sent = mvc
			.perform(multipart("/union/upload")
				.file(new MockMultipartFile("file", "tân mai.xlsx", null, Files.readAllBytes(file)))
				.with(server.as(TAN_MAI))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		tanMaiUpload = Long.parseLong(sent.substring("/union/uploads/".length()));
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	static List<Route> routes() {
		String file = "/files/" + dongNaiFile;
		String user = "/admin/users/" + target;
		String account = "/unions/accounts/" + union;
		return List.of(new Route("GET", "/sign-in", Access.PUBLIC, false, "/sign-in", Map.of()),
				new Route("GET", "/password", Access.SIGNED_IN, false, "/password", Map.of()),
				new Route("POST", "/password", Access.SIGNED_IN, false, "/password",
						Map.of("current", "sai", "password", "x", "repeated", "y")),
				new Route("GET", "/", Access.SIGNED_IN, false, "/", Map.of()),
				new Route("GET", "/year/missing.csv", Access.SIGNED_IN, false, "/year/missing.csv", Map.of()),
				new Route("POST", "/year/deadline", Access.SIGNED_IN, true, "/year/deadline",
						Map.of("year", "2026", "province", "75", "date", "2026-12-31")),
				new Route("GET", "/files", Access.SIGNED_IN, false, "/files", Map.of()),
				new Route("GET", "/files/{id}", Access.SIGNED_IN, true, file, Map.of()),
				new Route("GET", "/files/{id}/original", Access.SIGNED_IN, true, file + "/original", Map.of()),
				new Route("GET", "/files/{id}/feedback", Access.SIGNED_IN, true, file + "/feedback", Map.of()),
				new Route("GET", "/rollups", Access.SIGNED_IN, false, "/rollups", Map.of()),
				new Route("GET", "/rollups/trace", Access.SIGNED_IN, true, "/rollups/trace?indicator=A02&province=75",
						Map.of()),
				new Route("GET", "/runs", Access.SIGNED_IN, false, "/runs", Map.of()),
				new Route("POST", "/runs", Access.SIGNED_IN, false, "/runs", Map.of("kind", "consolidate")),
				new Route("GET", "/runs/progress", Access.SIGNED_IN, false, "/runs/progress", Map.of()),
				new Route("GET", "/downloads", Access.SIGNED_IN, false, "/downloads", Map.of()),
				new Route("POST", "/downloads/prepare", Access.SIGNED_IN, false, "/downloads/prepare",
						Map.of("year", "2026")),
				new Route("GET", "/downloads/{year}/{name}", Access.SIGNED_IN, false, "/downloads/2026/returns.csv",
						Map.of()),
				new Route("GET", "/admin/users", Access.ADMIN, false, "/admin/users", Map.of()),
				new Route("POST", "/admin/users", Access.ADMIN, false, "/admin/users",
						Map.of("username", "moi.tao", "role", "ANALYST", "provinces", "75")),
				new Route("GET", "/admin/users/{id}", Access.ADMIN, false, user, Map.of()),
				new Route("POST", "/admin/users/{id}/disable", Access.ADMIN, false, user + "/disable", Map.of()),
				new Route("POST", "/admin/users/{id}/enable", Access.ADMIN, false, user + "/enable", Map.of()),
				new Route("POST", "/admin/users/{id}/rescope", Access.ADMIN, false, user + "/rescope",
						Map.of("role", "ANALYST", "provinces", "75")),
				new Route("POST", "/admin/users/{id}/password", Access.ADMIN, false, user + "/password", Map.of()),
				new Route("GET", "/admin/registry", Access.ADMIN, false, "/admin/registry", Map.of()),
				new Route("POST", "/admin/registry", Access.ADMIN, false, "/admin/registry", Map.of("year", "2026")),
				new Route("GET", "/admin/audit", Access.ADMIN, false, "/admin/audit", Map.of()),
				new Route("GET", "/huong-dan", Access.PUBLIC, false, "/huong-dan", Map.of()),
				new Route("GET", "/union", Access.UNION, false, "/union", Map.of()),
				new Route("POST", "/union/upload", Access.UNION, false, "/union/upload", Map.of()),
				new Route("GET", "/union/mau", Access.UNION, false, "/union/mau", Map.of()),
				new Route("GET", "/union/uploads/{id}", Access.UNION, true, "/union/uploads/" + tanMaiUpload, Map.of()),
				new Route("GET", "/union/uploads/{id}/phan-hoi", Access.UNION, true,
						"/union/uploads/" + tanMaiUpload + "/phan-hoi", Map.of()),
				new Route("GET", "/unions", Access.SIGNED_IN, true, "/unions?year=2026&province=75", Map.of()),
				new Route("POST", "/unions", Access.SIGNED_IN, true, "/unions",
						Map.of("year", "2026", "province", "75")),
				new Route("GET", "/unions/lists/{id}/{format}", Access.OWN_SESSION, false,
						"/unions/lists/0123456789abcdef0123456789abcdef/xlsx", Map.of()),
				new Route("POST", "/unions/accounts/{id}/disable", Access.SIGNED_IN, true, account + "/disable",
						Map.of()),
				new Route("POST", "/unions/accounts/{id}/enable", Access.SIGNED_IN, true, account + "/enable",
						Map.of()),
				new Route("POST", "/unions/accounts/{id}/code", Access.SIGNED_IN, true, account + "/code", Map.of()));
	}

	@Test
	void everyRouteOfTheConsoleIsListedHere() {
		Set<String> mapped = new TreeSet<>();
		RequestMappingHandlerMapping mapping = server.context()
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("vn.tonghop.console")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				info.getMethodsCondition().getMethods().forEach((method) -> mapped.add(method.name() + " " + pattern));
			}
		}
		assertThat(mapped).isEqualTo(new TreeSet<>(routes().stream().map(Route::key).toList()));
	}

	@Test
	void everyRouteAsEveryRoleAndAsAnotherProvince() throws Exception {
		List<String> walked = new ArrayList<>();
		for (Route route : routes()) {
			// anonymous
			MockHttpServletResponse anonymous = perform(route, null, true);
			if (route.access() == Access.PUBLIC) {
				assertThat(anonymous.getStatus()).as(route.key()).isEqualTo(200);
			}
			else {
				assertThat(anonymous.getStatus()).as(route.key() + " anonymous").isEqualTo(302);
				assertThat(anonymous.getRedirectedUrl()).as(route.key() + " anonymous").endsWith("/sign-in");
			}
			walked.add(route.key() + " ẩn danh");
			// the analyst of Đồng Nai, then of Hà Nội
			for (String analyst : List.of(ConsoleServer.DONG_NAI, ConsoleServer.HA_NOI)) {
				MockHttpServletResponse response = perform(route, analyst, true);
				String what = route.key() + " as " + analyst;
				if (route.access() == Access.ADMIN || route.access() == Access.UNION) {
					assertThat(response.getStatus()).as(what).isEqualTo(403);
				}
				else if (route.access() == Access.OWN_SESSION) {
					assertThat(response.getStatus()).as(what).isEqualTo(404);
				}
				else if (route.ofDongNai() && analyst.equals(ConsoleServer.HA_NOI)) {
					assertThat(response.getStatus()).as(what).isIn(403, 404);
				}
				else {
					assertThat(response.getStatus()).as(what).isLessThan(400);
				}
				walked.add(what);
			}
			// the federation
			MockHttpServletResponse admin = perform(route, ConsoleServer.ADMIN, true);
			if (route.access() == Access.UNION) {
				assertThat(admin.getStatus()).as(route.key() + " as ADMIN").isEqualTo(403);
			}
			else if (route.access() == Access.OWN_SESSION) {
				assertThat(admin.getStatus()).as(route.key() + " as ADMIN").isEqualTo(404);
			}
			else {
				assertThat(admin.getStatus()).as(route.key() + " as ADMIN").isLessThan(400);
			}
			walked.add(route.key() + " as ADMIN");
			// a union, then another union
			for (String code : List.of(TAN_MAI, OTHER_UNION)) {
				MockHttpServletResponse response = perform(route, code, true);
				String what = route.key() + " as " + code;
				if (route.access() == Access.UNION) {
					if (route.ofDongNai() && code.equals(OTHER_UNION)) {
						assertThat(response.getStatus()).as(what).isEqualTo(404);
					}
					else {
						assertThat(response.getStatus()).as(what).isLessThan(400);
					}
				}
				else if (route.access() == Access.PUBLIC || route.pattern().equals("/password")) {
					assertThat(response.getStatus()).as(what).isLessThan(400);
				}
				else if (route.key().equals("GET /")) {
					assertThat(response.getRedirectedUrl()).as(what).isEqualTo("/union");
				}
				else {
					assertThat(response.getStatus()).as(what).isEqualTo(403);
				}
				walked.add(what);
			}
			if (route.method().equals("POST")) {
				MockHttpServletResponse forged = perform(route,
						(route.access() == Access.UNION) ? TAN_MAI : ConsoleServer.ADMIN, false);
				assertThat(forged.getStatus()).as(route.key() + " without CSRF").isEqualTo(403);
				walked.add(route.key() + " without CSRF");
			}
			server.awaitRun();
		}
		System.out.println("Đã đi qua " + routes().size() + " tuyến của bảng điều khiển với 6 vai (ẩn danh, quản trị,"
				+ " phân tích Đồng Nai, phân tích Hà Nội, hai CĐCS) và thiếu CSRF: " + walked.size() + " yêu cầu.");
	}

	private static MockHttpServletResponse perform(Route route, String user, boolean withCsrf) throws Exception {
		MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(route.method()), route.path());
		route.parameters().forEach(builder::param);
		if (user != null) {
			builder.with(server.as(user));
		}
		if (withCsrf && route.method().equals("POST")) {
			builder.with(csrf());
		}
		MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
		if (route.method().equals("POST")) {
			// a run it started ends before the next request, which would be refused
			server.awaitRun();
		}
		return response;
	}

}
