-- Issue 5: dossiers at the one-stop desk, their steps and clocks, opinion requests between agencies, copies to
-- the Department of Industry and Trade, and in-application notifications.

create table ccn (
    id                 bigint primary key,
    code               varchar(32)  not null unique,
    name               varchar(255) not null,
    commune_agency_id  bigint references agency (id),
    note               text
);

create table dossier (
    id                  bigint primary key,
    code                varchar(48)  not null unique,
    receiving_agency_id bigint       not null references agency (id),
    lead_agency_id      bigint       not null references agency (id),
    procedure_code      varchar(40)  not null references procedure_def (code),
    rule_set_code       varchar(32)  references rule_set (code),
    ccn_id              bigint       references ccn (id),
    applicant_kind      varchar(16)  not null check (applicant_kind in ('ORGANISATION', 'PERSON')),
    applicant_name      varchar(255) not null,
    applicant_agency_id bigint       references agency (id),
    applicant_id_number varchar(32),
    applicant_address   varchar(500),
    applicant_phone     varchar(32),
    applicant_email     varchar(255),
    channel             varchar(16)  not null check (channel in ('DESK', 'POST', 'ONLINE', 'INTER_AGENCY')),
    summary             text         not null,
    status              varchar(20)  not null check (status in ('RECEIVED', 'ACCEPTED', 'REFUSED', 'PROCESSING',
                                         'WAITING_SUPPLEMENT', 'STOPPED', 'DONE', 'RETURNED')),
    received_at         timestamptz  not null,
    received_on         date         not null,          -- the filing date: chooses the rule set
    reference_date      date,                           -- e.g. the approval date a filing limit counts from
    appointment_on      date,                           -- the date promised on the receipt slip
    paper_sets          integer      not null default 1 check (paper_sets > 0),
    submission_key      varchar(64),                    -- idempotency of double submissions
    calendar_warning    text,
    finished_at         timestamptz,
    returned_at         timestamptz,
    created_by          varchar(64)  not null,
    version             bigint       not null default 0,
    constraint dossier_summary_not_blank check (length(trim(summary)) > 0),
    unique (receiving_agency_id, submission_key)
);
create index dossier_status on dossier (status, received_on);
create index dossier_lead on dossier (lead_agency_id, status);

create table dossier_day_counter (
    agency_id  bigint  not null references agency (id),
    day        date    not null,
    last_seq   integer not null check (last_seq >= 0),
    primary key (agency_id, day)
);

-- Files received with a dossier (scans of paper or electronic files), in the write-once content store.
create table dossier_file (
    id           bigint primary key,
    dossier_id   bigint       not null references dossier (id),
    paper_seq    integer,
    file_name    varchar(255) not null,
    content_key  varchar(80)  not null references content_blob (content_key),
    created_at   timestamptz  not null,
    created_by   varchar(64)  not null
);

create table dossier_paper (
    dossier_id   bigint       not null references dossier (id),
    seq          integer      not null,
    name_vi      varchar(500) not null,
    required     boolean      not null,
    received     boolean      not null,
    originals    integer      not null default 0,
    copies       integer      not null default 0,
    electronic   boolean      not null default false,
    primary key (dossier_id, seq)
);

create table dossier_step (
    dossier_id            bigint       not null references dossier (id),
    seq                   integer      not null,
    step_code             varchar(40)  not null,
    name_vi               varchar(255) not null,
    kind                  varchar(16)  not null,
    responsible_role      varchar(40),
    responsible_agency_id bigint       references agency (id),
    state                 varchar(12)  not null check (state in ('PENDING', 'ACTIVE', 'DONE')),
    limit_amount          integer,
    limit_unit            varchar(16),
    pauses_for_supplements boolean     not null default false,
    limit_basis           varchar(255),
    started_on            date,
    due_on                date,
    completed_on          date,
    completed_by          varchar(64),
    timeliness            varchar(8)   check (timeliness in ('EARLY', 'ON_TIME', 'LATE')),
    late_notified         boolean      not null default false,
    primary key (dossier_id, seq)
);
create index dossier_step_due on dossier_step (state, due_on);

create table dossier_pause (
    id          bigint primary key,
    dossier_id  bigint  not null references dossier (id),
    paused_on   date    not null,
    resumed_on  date,
    resume_status varchar(20) not null,            -- the status the dossier returns to when supplemented
    reason      text    not null
);

-- Every state change and handover, for the control slip (form 06) and the tracking book (form 07).
create table dossier_event (
    id            bigint primary key,
    dossier_id    bigint       not null references dossier (id),
    occurred_at   timestamptz  not null,
    actor         varchar(64)  not null,
    action        varchar(24)  not null,
    from_status   varchar(20),
    to_status     varchar(20),
    from_unit     varchar(255),
    to_unit       varchar(255),
    step_code     varchar(40),
    due_on        date,
    previous_due_on date,                          -- the appointment an apology (form 04) replaced
    timeliness    varchar(8),
    note          text
);
create index dossier_event_dossier on dossier_event (dossier_id, occurred_at);

create table dossier_document (
    dossier_id   bigint      not null references dossier (id),
    document_id  bigint      not null references document (id),
    step_code    varchar(40),
    role         varchar(16) not null check (role in ('PAPER', 'REQUEST', 'REPLY', 'REPORT', 'DECISION', 'NOTICE', 'FORM', 'OTHER')),
    linked_at    timestamptz not null,
    linked_by    varchar(64) not null,
    primary key (dossier_id, document_id)
);
create index dossier_document_document on dossier_document (document_id);

create table document_ccn (
    document_id  bigint not null references document (id),
    ccn_id       bigint not null references ccn (id),
    primary key (document_id, ccn_id)
);

-- A written opinion request to one agency (Art. 2.2.a). Silence at the deadline is consent.
create table opinion_request (
    id                 bigint primary key,
    dossier_id         bigint       references dossier (id),
    step_code          varchar(40),
    letter_document_id bigint       not null references document (id),
    lead_agency_id     bigint       not null references agency (id),
    role_code          varchar(40)  not null references functional_role (code),
    target_agency_id   bigint       not null references agency (id),
    reply_amount       integer      not null check (reply_amount > 0),
    reply_unit         varchar(16)  not null check (reply_unit in ('WORKING_DAYS', 'DAYS')),
    state              varchar(16)  not null check (state in ('DRAFT', 'OPEN', 'ANSWERED', 'DEEMED_AGREED')),
    sent_on            date,
    reply_due          date,
    due_note           text,
    position           varchar(24)  check (position in ('AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE')),
    conditions         text,
    reply_document_id  bigint       references document (id),
    replied_on         date,
    late               boolean      not null default false,
    closed_at          timestamptz,
    closed_by          varchar(64),
    created_at         timestamptz  not null,
    created_by         varchar(64)  not null,
    unique (letter_document_id, target_agency_id, role_code)   -- one agency may hold two roles (2025 mergers)
);
create index opinion_request_target on opinion_request (target_agency_id, state);
create index opinion_request_due on opinion_request (state, reply_due);

-- One copy of an issued document to an agency, by a distribution rule, tracked until received.
create table distribution (
    id                 bigint primary key,
    document_id        bigint       not null references document (id),
    target_agency_id   bigint       not null references agency (id),
    rule_code          varchar(40)  not null references distribution_rule (code),
    state              varchar(12)  not null check (state in ('PENDING', 'DELIVERED', 'RECEIVED')),
    created_at         timestamptz  not null,
    delivered_at       timestamptz,
    received_at        timestamptz,
    received_by        varchar(64),
    unique (document_id, target_agency_id)
);
create index distribution_target on distribution (target_agency_id, state);

create table notification (
    id             bigint primary key,
    source_key     varchar(128) not null unique,     -- exactly once: one notification per source event and recipient
    user_id        bigint       not null references app_user (id),
    kind           varchar(32)  not null,
    title_vi       varchar(500) not null,
    link           varchar(255),
    created_at     timestamptz  not null,
    read_at        timestamptz
);
create index notification_user on notification (user_id, created_at desc);
