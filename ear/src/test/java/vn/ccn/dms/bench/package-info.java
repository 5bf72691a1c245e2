/**
 * Benchmarks run against the real deployed EAR (profile {@code bench}); they measure and write a report,
 * they never assert on time.
 */
package vn.ccn.dms.bench;
