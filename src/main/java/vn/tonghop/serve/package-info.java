/**
 * The nightly mode, {@code tonghop serve}: the {@code run} job on a cron schedule, its
 * metrics (Micrometer, served by the actuator on 127.0.0.1) and the ingest-then-
 * consolidate sequence that {@code tonghop run} shares. Nothing here is a component: the
 * beans exist only in the context of {@code serve} ({@link ServeConfiguration}).
 */
package vn.tonghop.serve;
