/**
 * Demo data for the run command, loaded through the public API as a person would enter it: the Lạng Sơn
 * agencies and functional roles of Decision 09/2025/QĐ-UBND, registers, users of each application role, and
 * documents with generated PDF files. Test data of the automated tests is built in test code, not here.
 */
package vn.ccn.dms.devstack.demo;
