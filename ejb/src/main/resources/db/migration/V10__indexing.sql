-- Full-text indexing (issue 3): extracted text per stored blob, indexing state per document version, saved
-- searches. The database stays the source of truth: the search index is rebuilt from these rows.

-- Text extracted from one blob. Keyed by the content key: the same bytes give the same text, so a file uploaded
-- twice (or kept unchanged in a new version) is extracted once, and reprocessing a version is idempotent.
create table content_text (
    content_key    varchar(80)  primary key references content_blob (content_key),
    status         varchar(16)  not null check (status in ('EXTRACTED', 'FAILED')),
    reason         varchar(1000),                      -- why extraction failed, in Vietnamese for users
    text_content   text         not null default '',
    char_count     integer      not null default 0,
    truncated      boolean      not null default false, -- the character limit cut the text
    ocr            boolean      not null default false, -- the text came from optical character recognition
    ocr_pages      integer      not null default 0,
    media_type     varchar(255),
    duration_ms    bigint       not null default 0,
    extracted_at   timestamptz  not null,
    constraint content_text_reason check ((status = 'FAILED') = (reason is not null))
);

-- What users see about the indexing of each version: pending until the worker has extracted its files and the
-- index has accepted its entry; failed with a reason when a file could not be read (the file itself is kept
-- and stays downloadable) or the index refused the entry.
create table version_index_state (
    version_id   bigint       primary key references document_version (id),
    document_id  bigint       not null references document (id),
    state        varchar(16)  not null check (state in ('PENDING', 'INDEXED', 'FAILED')),
    reason       varchar(2000),
    ocr          boolean      not null default false,
    char_count   integer      not null default 0,
    updated_at   timestamptz  not null,
    indexed_at   timestamptz
);
create index version_index_state_document on version_index_state (document_id);
create index version_index_state_state on version_index_state (state) where state <> 'INDEXED';

-- Saved searches: the parameters of a search, per user, under a name of the user's choice.
create table saved_search (
    id          bigint        primary key,
    owner       varchar(64)   not null,
    name        varchar(128)  not null,
    parameters  varchar(4000) not null,                 -- URL query string form: q=...&type=...
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    unique (owner, name)
);

-- Who may read a document is part of its index entry (security trimming happens inside the search engine).
-- Grants decide it for restricted documents, so a grant given or withdrawn must re-index the document. A trigger
-- rather than a call in the application service: no present or future code path can change grants and forget it.
create function document_grant_reindex() returns trigger language plpgsql as $$
declare
    doc bigint;
begin
    if tg_op = 'DELETE' then
        doc := old.document_id;
    else
        doc := new.document_id;
    end if;
    insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)
        values (nextval('dms_seq'), 'index-document', doc::text, 'grant', now(), now());
    return null;
end $$;
create trigger document_grant_reindex after insert or delete on document_grant
    for each row execute function document_grant_reindex();

-- The claim query of the indexing worker: oldest available first among unprocessed rows of one topic.
create index outbox_claim on outbox_event (topic, available_at, id) where processed_at is null;
