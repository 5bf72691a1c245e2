/**
 * Typed settings of the application, read through MicroProfile Config under the {@code dms.} prefix.
 * Every key, its default and its meaning is listed in {@link vn.ccn.dms.config.SettingKey} and in
 * {@code docs/configuration.md}; one artifact serves every environment, so nothing here is filtered at build time.
 */
package vn.ccn.dms.config;
