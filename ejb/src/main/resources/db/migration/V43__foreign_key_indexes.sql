-- Indexes for the foreign keys of tables that grow with use. PostgreSQL indexes the referenced key, never the
-- referencing one: without these, loading a document's recipients or a version's files read the whole table
-- (seen as one sequential scan of document_recipient per document read while measuring numbering, issue 2), and
-- the content-store sweep and deletes of a parent row scanned every child table. Foreign keys into reference data
-- (agencies, document types, functional roles, rule sets, procedures, distribution rules) stay unindexed: those
-- parents change by administration only. SchemaIndexTest keeps the rule.
create index document_recipient_document on document_recipient (document_id);
create index document_grant_user on document_grant (user_id);
create index stored_file_version on stored_file (version_id);
create index stored_file_content on stored_file (content_key);
create index signing_session_document on signing_session (document_id);
create index signature_validation_file on signature_validation (stored_file_id);
create index electronic_copy_content on electronic_copy (content_key);
create index document_ccn_ccn on document_ccn (ccn_id);
create index dossier_ccn on dossier (ccn_id);
create index dossier_file_dossier on dossier_file (dossier_id);
create index dossier_file_content on dossier_file (content_key);
create index dossier_pause_dossier on dossier_pause (dossier_id);
create index opinion_request_dossier on opinion_request (dossier_id);
create index opinion_request_reply on opinion_request (reply_document_id);
