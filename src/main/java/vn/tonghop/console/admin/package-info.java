/**
 * The console's administration, the ADMIN's only: the users (create, disable, enable,
 * rescope, reset a password), the registry of expected unions (upload) and the audit log.
 */
package vn.tonghop.console.admin;
