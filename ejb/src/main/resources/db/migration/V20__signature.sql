-- Issue 4: PAdES signing the Decree 30/2020/NĐ-CP way (two-step issuance, batch signing, electronic copies) and
-- the validation of signed PDFs that arrive.

-- The signing workflow's statuses of an outgoing document: submitted to the leader, signed by the leader
-- (then numbered and sealed by the reception desk, which makes it ISSUED).
alter table document alter column status type varchar(24);
alter table document drop constraint document_status_check;
alter table document add constraint document_status_check
    check (status in ('DRAFT', 'AWAITING_SIGNATURE', 'SIGNED', 'REGISTERED', 'ISSUED'));

-- Where a person's or an agency's signing key is. The PIN is never stored: it is entered for each signing.
-- PKCS11: a token or HSM slot through SunPKCS11 (library from the allow-list dms.signature.pkcs11.allowed-libraries);
-- PKCS12: a keystore file under dms.signature.pkcs12.directory (development only);
-- EXTERNAL: the key is with a desktop signing agent or a remote signing service; the chain is kept here.
create table signing_credential (
    id                 bigint primary key,
    owner_kind         varchar(8)   not null check (owner_kind in ('USER', 'AGENCY')),
    owner_id           bigint       not null,
    kind               varchar(10)  not null check (kind in ('PKCS11', 'PKCS12', 'EXTERNAL')),
    pkcs11_library     varchar(512),
    pkcs11_slot_id     bigint,
    pkcs11_slot_index  integer,
    key_alias          varchar(128),
    pkcs12_file        varchar(512),
    certificate_chain  text,
    updated_at         timestamptz  not null,
    updated_by         varchar(64)  not null,
    unique (owner_kind, owner_id)
);

-- The leader's signature image (transparent PNG), Decree 30 Appendix I.
create table leader_signature_image (
    user_id     bigint primary key references app_user (id),
    png         bytea        not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null
);

-- The agency's seal image at real size and the place name written before the date of issue.
create table agency_signature_profile (
    agency_id      bigint primary key references agency (id),
    place_name     varchar(128) not null,
    seal_png       bytea,
    seal_width_mm  real         not null default 36 check (seal_width_mm between 10 and 80),
    seal_height_mm real         not null default 36 check (seal_height_mm between 10 and 80),
    updated_at     timestamptz  not null,
    updated_by     varchar(64)  not null
);

-- A document submitted for the leader's signature; one row per document, following it to issuance.
create table signature_request (
    document_id        bigint primary key references document (id),
    agency_id          bigint       not null references agency (id),
    leader_username    varchar(64),
    layout             varchar(512) not null,
    status             varchar(10)  not null check (status in ('AWAITING', 'SIGNED', 'SEALED', 'RETURNED')),
    submitted_by       varchar(64)  not null,
    submitted_at       timestamptz  not null,
    source_version_no  integer      not null,
    signed_by          varchar(64),
    signed_at          timestamptz,
    signed_version_no  integer,
    sealed_by          varchar(64),
    sealed_at          timestamptz,
    sealed_version_no  integer,
    note               varchar(1000),
    version            bigint       not null default 0
);
create index signature_request_inbox on signature_request (agency_id, status, submitted_at);

-- A batch: many documents signed with one PIN entry; progress and per-document result.
create table signing_batch (
    id           bigint primary key,
    agency_id    bigint       not null references agency (id),
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    status       varchar(8)   not null check (status in ('RUNNING', 'DONE')),
    finished_at  timestamptz,
    total        integer      not null check (total > 0)
);

create table signing_batch_item (
    id           bigint primary key,
    batch_id     bigint       not null references signing_batch (id),
    position     integer      not null,
    document_id  bigint       not null,
    status       varchar(8)   not null check (status in ('PENDING', 'SIGNED', 'FAILED', 'SKIPPED')),
    error_code   varchar(48),
    message      varchar(1000),
    version_no   integer,
    duration_ms  integer,
    finished_at  timestamptz,
    unique (batch_id, position)
);

-- The external-signature path: what was prepared while the digest is out with the signing agent.
create table signing_session (
    id                 varchar(36)  primary key,
    document_id        bigint       not null references document (id),
    created_by         varchar(64)  not null,
    created_at         timestamptz  not null,
    expires_at         timestamptz  not null,
    base_version_no    integer      not null,
    prepared_pdf       bytea        not null,
    byte_range         varchar(100) not null,
    document_digest    bytea        not null,
    signed_attributes  bytea        not null,
    digest_algorithm   varchar(8)   not null,
    digest_to_sign     bytea        not null,
    signing_time       timestamptz  not null,
    level              varchar(6)   not null,
    field_name         varchar(128) not null,
    certificate_chain  text         not null
);
create index signing_session_expiry on signing_session (expires_at);

-- Validation reports of signed PDFs (incoming on registration, any on demand), one per file and run.
create table signature_validation (
    id               bigint primary key,
    document_id      bigint       not null references document (id),
    stored_file_id   bigint       not null references stored_file (id),
    file_name        varchar(255) not null,
    content_sha256   char(64)     not null,
    validated_at     timestamptz  not null,
    validated_by     varchar(64)  not null,
    indication       varchar(16)  not null,
    signature_count  integer      not null,
    summary_vi       text         not null,
    report_json      text         not null
);
create index signature_validation_document on signature_validation (document_id, validated_at desc);

-- Electronic copies (Decree 30 Art. 25): SAO Y, SAO LỤC, TRÍCH SAO, numbered in one yearly series per agency
-- (Appendix I: one registration number shared by every copy form, from 01 on 1 January).
create table electronic_copy (
    id                  bigint primary key,
    source_document_id  bigint       not null references document (id),
    agency_id           bigint       not null references agency (id),
    form                varchar(10)  not null check (form in ('SAO_Y', 'SAO_LUC', 'TRICH_SAO')),
    copy_year           integer      not null,
    copy_number         integer      not null check (copy_number > 0),
    number_symbol       varchar(64)  not null,
    pages               varchar(200),
    content_key         varchar(80)  not null references content_blob (content_key),
    file_name           varchar(255) not null,
    created_at          timestamptz  not null,
    created_by          varchar(64)  not null,
    unique (agency_id, copy_year, copy_number)
);
create index electronic_copy_source on electronic_copy (source_document_id);

-- Locked by the upsert that takes a copy number, as register_counter is for document numbers.
create table electronic_copy_counter (
    agency_id    bigint  not null references agency (id),
    year         integer not null,
    last_number  integer not null check (last_number >= 0),
    primary key (agency_id, year)
);
