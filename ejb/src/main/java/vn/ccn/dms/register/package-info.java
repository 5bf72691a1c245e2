/**
 * Registers (sổ văn bản, Decree 30/2020 Art. 15, 22): yearly number series that never skip or repeat,
 * the patterns that format number and symbol, and the printable registers.
 */
package vn.ccn.dms.register;
