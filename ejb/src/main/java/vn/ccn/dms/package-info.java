/**
 * The domain and application services of the CCN document system, feature first ({@code directory},
 * {@code document}, {@code register}, {@code audit}, ...), each with {@code domain}, {@code application}
 * and {@code infrastructure} packages.
 */
package vn.ccn.dms;
