package vn.ccn.dms.directory.domain;

/** Administrative level of an agency (two-tier local government since 1 July 2025: province and commune). */
public enum AgencyLevel {
    CENTRAL, PROVINCE, DEPARTMENT, COMMUNE, OTHER
}
