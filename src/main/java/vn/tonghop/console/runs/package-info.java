/**
 * The console's runs: start an ingest of the inbox, a consolidation of the year or both
 * (what {@code tonghop run} does), on a thread of the server under the run lock, watch
 * their progress live (Server-Sent Events), and read the past runs with their counts
 * (what {@code tonghop history} shows).
 */
package vn.tonghop.console.runs;
