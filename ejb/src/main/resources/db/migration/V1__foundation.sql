-- Foundation schema: directory, documents, content, registers, audit, outbox.
-- Rules that change with the law (document types, functional roles, numbering patterns) are rows, seeded
-- in V2 and maintained by an administrator; each seeded row cites its legal basis.

create sequence dms_seq start with 1000 increment by 50;

-- Directory ---------------------------------------------------------------------------------------------
create table agency (
    id          bigint primary key,
    code        varchar(13)  not null unique,           -- mã định danh, Decision 20/2020/QĐ-TTg
    name        varchar(255) not null,
    short_name  varchar(32)  not null,                  -- used in document symbols: SCT, UBND
    level       varchar(20)  not null check (level in ('CENTRAL', 'PROVINCE', 'DEPARTMENT', 'COMMUNE', 'OTHER')),
    parent_id   bigint references agency (id),
    active      boolean      not null default true,
    constraint agency_code_format check (code ~ '^[A-Z0-9]{3}\.[A-Z0-9]{2}\.[A-Z0-9]{2}\.[A-Z0-9]{3}$')
);

create table functional_role (
    code         varchar(40)  primary key,
    name_vi      varchar(255) not null,
    legal_basis  varchar(255) not null
);

create table role_assignment (
    id          bigint primary key,
    role_code   varchar(40) not null references functional_role (code),
    agency_id   bigint      not null references agency (id),
    valid_from  date        not null,
    valid_to    date,
    note        varchar(255),
    constraint role_assignment_dates check (valid_to is null or valid_to >= valid_from)
);
create index role_assignment_role on role_assignment (role_code, valid_from);

create table app_user (
    id             bigint primary key,
    username       varchar(64)  not null unique,
    password_hash  varchar(255) not null,
    full_name      varchar(255) not null,
    position_title varchar(255),
    agency_id      bigint       not null references agency (id),
    active         boolean      not null default true,
    constraint username_format check (username ~ '^[a-z0-9._-]{3,64}$')
);

create table app_user_role (
    user_id  bigint      not null references app_user (id),
    role     varchar(20) not null check (role in ('CLERK', 'SPECIALIST', 'LEADER', 'READER', 'ADMIN')),
    primary key (user_id, role)
);

-- Reference data -----------------------------------------------------------------------------------------
create table document_type (
    code            varchar(16)  primary key,            -- abbreviation used in symbols (Decree 30 Appendix III)
    name_vi         varchar(128) not null,
    symbol_pattern  varchar(64)  not null,               -- default numbering pattern for this type
    active          boolean      not null default true
);

-- Registers (sổ văn bản), Decree 30/2020 Art. 15 and 22 ---------------------------------------------------
create table register (
    id              bigint primary key,
    agency_id       bigint       not null references agency (id),
    direction       varchar(10)  not null check (direction in ('INCOMING', 'OUTGOING')),
    code            varchar(32)  not null,
    name            varchar(255) not null,
    number_pattern  varchar(64),                         -- overrides the document type's pattern when set
    secret          boolean      not null default false, -- secret documents have their own series
    active          boolean      not null default true,
    unique (agency_id, code)
);

-- One row per register and year; locked by the upsert that issues a number, so numbers never repeat or skip.
create table register_counter (
    register_id  bigint  not null references register (id),
    year         integer not null,
    last_number  integer not null check (last_number >= 0),
    primary key (register_id, year)
);

-- Documents ----------------------------------------------------------------------------------------------
create table document (
    id                bigint primary key,
    direction         varchar(10)  not null check (direction in ('INCOMING', 'OUTGOING')),
    owner_agency_id   bigint       not null references agency (id),
    register_id       bigint       references register (id),
    type_code         varchar(16)  not null references document_type (code),
    number            integer,
    number_year       integer,
    symbol            varchar(64),
    number_symbol     varchar(96),
    number_key        varchar(96),                        -- normalized number/symbol for duplicate checks
    issuer_agency_id  bigint       references agency (id),
    issuer_name       varchar(255) not null,
    issued_date       date,
    summary           text         not null,
    signer_name       varchar(255),
    signer_position   varchar(255),
    urgency           varchar(16)  not null check (urgency in ('NORMAL', 'URGENT', 'VERY_URGENT', 'FLASH')),
    secrecy           varchar(16)  not null check (secrecy in ('NONE', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
    page_count        integer      check (page_count is null or page_count > 0),
    due_date          date,
    arrival_number    integer,
    arrival_year      integer,
    arrival_at        timestamptz,
    receiving_unit    varchar(255),
    keeping_unit      varchar(255),
    copies            integer      check (copies is null or copies > 0),
    status            varchar(16)  not null check (status in ('DRAFT', 'REGISTERED', 'ISSUED')),
    notes             text,
    created_at        timestamptz  not null,
    created_by        varchar(64)  not null,
    version           bigint       not null default 0,
    constraint document_number_unique unique (register_id, number_year, number),
    constraint document_arrival_unique unique (register_id, arrival_year, arrival_number),
    constraint document_summary_not_blank check (length(trim(summary)) > 0)
);
create index document_owner on document (owner_agency_id, created_at desc);
create index document_number_key on document (number_key, issuer_name);

create table document_recipient (
    id            bigint primary key,
    document_id   bigint       not null references document (id),
    agency_id     bigint       references agency (id),
    name          varchar(255) not null
);
create index document_recipient_agency on document_recipient (agency_id);

-- Explicit reading grants for documents marked Mật / Tối mật / Tuyệt mật.
create table document_grant (
    document_id  bigint      not null references document (id),
    user_id      bigint      not null references app_user (id),
    granted_by   varchar(64) not null,
    granted_at   timestamptz not null,
    primary key (document_id, user_id)
);

create table document_version (
    id           bigint primary key,
    document_id  bigint      not null references document (id),
    version_no   integer     not null,
    note         varchar(255),
    created_at   timestamptz not null,
    created_by   varchar(64) not null,
    unique (document_id, version_no)
);

-- Content-addressed blobs; the key derives from the SHA-256, the bytes never change.
create table content_blob (
    content_key  varchar(80)  primary key,
    sha256       char(64)     not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    media_type   varchar(255) not null,
    created_at   timestamptz  not null
);

create table stored_file (
    id           bigint primary key,
    version_id   bigint       not null references document_version (id),
    file_name    varchar(255) not null,
    content_key  varchar(80)  not null references content_blob (content_key),
    created_at   timestamptz  not null,
    created_by   varchar(64)  not null
);

-- Audit: append-only, one hash chain per subject so that writers do not queue behind one global lock.
create table audit_chain (
    chain_key   varchar(96) primary key,
    last_seq    bigint      not null,
    last_hash   char(64)    not null
);

create table audit_entry (
    id           bigint primary key,
    chain_key    varchar(96)  not null,
    seq          bigint       not null,
    occurred_at  timestamptz  not null,
    actor        varchar(64)  not null,
    actor_agency varchar(13),
    action       varchar(32)  not null,
    object_type  varchar(32)  not null,
    object_id    varchar(64)  not null,
    detail       text,
    remote_addr  varchar(64),
    prev_hash    char(64)     not null,
    hash         char(64)     not null,
    unique (chain_key, seq)
);
create index audit_entry_object on audit_entry (object_type, object_id, occurred_at);
create index audit_entry_actor on audit_entry (actor, occurred_at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

-- Outbox: whatever leaves the system (index, notifications, copies) is written here in the same transaction.
create table outbox_event (
    id            bigint primary key,
    topic         varchar(32)  not null,
    subject_id    varchar(64)  not null,
    payload       text,
    created_at    timestamptz  not null,
    available_at  timestamptz  not null,
    attempts      integer      not null default 0,
    processed_at  timestamptz,
    last_error    text
);
create index outbox_pending on outbox_event (topic, available_at) where processed_at is null;
