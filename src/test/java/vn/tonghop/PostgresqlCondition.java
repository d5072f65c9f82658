package vn.tonghop;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run of the integration tests, skips every test with a visible notice
 * when no server answers on 127.0.0.1:5432 — unless
 * {@code TONGHOP_REQUIRE_POSTGRESQL=true} (as {@code .ci/run} sets), which makes an
 * unreachable server a failure. Registered for every test class by JUnit's extension
 * auto-detection; does nothing in the H2 run.
 */
public class PostgresqlCondition implements ExecutionCondition {

	private static volatile String unreachable;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.postgresql()) {
			return ConditionEvaluationResult.enabled("embedded H2");
		}
		if (!checked) {
			unreachable = TestDatabase.unreachable();
			checked = true;
			if (unreachable != null) {
				System.err.println("NOTICE: PostgreSQL is not reachable at " + TestDatabase.SERVER + " (" + unreachable
						+ "): the PostgreSQL integration tests are skipped.");
			}
		}
		if (unreachable == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable");
		}
		if (Boolean.parseBoolean(System.getenv("TONGHOP_REQUIRE_POSTGRESQL"))) {
			throw new IllegalStateException("PostgreSQL is required (TONGHOP_REQUIRE_POSTGRESQL=true) but not reachable"
					+ " at " + TestDatabase.SERVER + ": " + unreachable);
		}
		return ConditionEvaluationResult.disabled("PostgreSQL not reachable at 127.0.0.1:5432: " + unreachable);
	}

}
