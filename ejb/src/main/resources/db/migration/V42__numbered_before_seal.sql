-- Issue 4: a leader-signed document that has its number but not yet the organisation's signature is NUMBERED, not
-- ISSUED: Decree 30/2020 Art. 15, 16 issue a document with its number, date and the organisation's signature
-- together, so its recipients (and the copies by rule and opinion requests of issue 5) wait for the seal.
alter table document drop constraint document_status_check;
alter table document add constraint document_status_check
    check (status in ('DRAFT', 'AWAITING_SIGNATURE', 'SIGNED', 'NUMBERED', 'REGISTERED', 'ISSUED'));

-- Documents numbered before this migration and still waiting for their seal.
update document d set status = 'NUMBERED'
 where d.status = 'ISSUED'
   and exists (select 1 from signature_request r where r.document_id = d.id and r.status = 'SIGNED');
