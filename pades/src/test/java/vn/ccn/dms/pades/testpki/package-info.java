/**
 * Test fixtures: a throw-away PKI with OCSP, CRL and TSA served over 127.0.0.1, builders of test PDFs and
 * images, wiring of the engine, EU DSS as an independent validator, and helpers for optional system tools.
 */
package vn.ccn.dms.pades.testpki;
