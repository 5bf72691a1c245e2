-- Issue 5: procedures as data. A procedure is a sequence of steps, each with the functional role that does it
-- (resolved through role_assignment on the date), the documents expected, and legal time limits. Time limits
-- are versioned: each belongs to a rule set with the date it takes effect, and a dossier keeps the rule set in
-- force on its filing date (Quy chế Art. 16.1: amended texts apply; BRIEF §4).

insert into functional_role (code, name_vi, legal_basis) values
 ('MINISTRY_INDUSTRY_TRADE', 'Bộ Công Thương', 'NĐ 32/2024/NĐ-CP, Điều 10 (gửi quyết định thành lập, mở rộng cụm công nghiệp về Bộ Công Thương)');

create table rule_set (
    code            varchar(32)  primary key,
    name_vi         varchar(255) not null,
    legal_basis     varchar(255) not null,
    effective_from  date         not null,
    confirmed       boolean      not null,            -- false: read in a secondary source, an administrator confirms
    confirmed_by    varchar(64),
    confirmed_at    timestamptz,
    note            text
);

create table procedure_def (
    code            varchar(40)  primary key,
    name_vi         varchar(255) not null,
    legal_basis     varchar(255) not null,
    lead_role       varchar(40)  not null references functional_role (code),
    concerns_ccn    boolean      not null default true,  -- its documents are copied to SCT (Art. 2.2.b)
    active          boolean      not null default true
);

create table procedure_step (
    procedure_code     varchar(40)  not null references procedure_def (code),
    code               varchar(40)  not null,
    seq                integer      not null,
    phase              varchar(16)  not null check (phase in ('PREPARATION', 'PROCESSING')),
    kind               varchar(16)  not null check (kind in ('RECEIVE', 'APPRAISE', 'OPINIONS', 'REPORT', 'DECIDE',
                                                             'APPROVE', 'NOTIFY', 'FILE', 'PREPARE')),
    name_vi            varchar(255) not null,
    responsible_role   varchar(40)  references functional_role (code),  -- null: the applicant or investor
    expected_documents text,
    start_basis        varchar(16)  not null default 'PREVIOUS_STEP'
                                    check (start_basis in ('PREVIOUS_STEP', 'REFERENCE_DATE')),
    opinions_before_completion boolean not null default false,        -- Art. 7.2.c: opinion first, then approval
    opinion_reply_amount integer,                                     -- default reply time for opinion requests
    opinion_reply_unit varchar(16) check (opinion_reply_unit in ('WORKING_DAYS', 'DAYS')),
    legal_basis        varchar(255) not null,
    primary key (procedure_code, code),
    unique (procedure_code, seq)
);

-- Roles asked for written opinions at a step (Art. 6.1.d names eight appraising roles).
create table procedure_step_opinion_role (
    procedure_code  varchar(40) not null,
    step_code       varchar(40) not null,
    role_code       varchar(40) not null references functional_role (code),
    primary key (procedure_code, step_code, role_code),
    foreign key (procedure_code, step_code) references procedure_step (procedure_code, code)
);

create table procedure_time_limit (
    procedure_code  varchar(40) not null,
    step_code       varchar(40) not null,
    rule_set_code   varchar(32) not null references rule_set (code),
    amount          integer     not null check (amount >= 0),
    unit            varchar(16) not null check (unit in ('WORKING_DAYS', 'DAYS')),
    pauses_for_supplements boolean not null default false,   -- time waiting for supplements is not counted
    legal_basis     varchar(255) not null,
    primary key (procedure_code, step_code, rule_set_code),
    foreign key (procedure_code, step_code) references procedure_step (procedure_code, code)
);

create table procedure_paper (
    procedure_code  varchar(40)  not null references procedure_def (code),
    seq             integer      not null,
    name_vi         varchar(500) not null,
    originals       integer      not null default 1,
    copies          integer      not null default 0,
    required        boolean      not null default true,
    legal_basis     varchar(255) not null,
    primary key (procedure_code, seq)
);

-- Who receives a copy of an issued document, as rules on the recipients list (Art. 2.2.b; Decree 32 Art. 10).
-- condition_kind is interpreted in code: CCN_DOCUMENT = any issued document about a CCN (linked to a CCN or to
-- a dossier of a procedure that concerns CCN); PROCEDURE_STEP = a document linked to the given step; MANUAL = a
-- user forwards a document to a named agency (e.g. to the lead agency, issue 5), tracked the same way.
create table distribution_rule (
    code            varchar(40)  primary key,
    name_vi         varchar(255) not null,
    condition_kind  varchar(20)  not null check (condition_kind in ('CCN_DOCUMENT', 'PROCEDURE_STEP', 'MANUAL')),
    procedure_code  varchar(40),
    step_code       varchar(40),
    target_role     varchar(40)  references functional_role (code),   -- null for MANUAL: the user names the agency
    legal_basis     varchar(255) not null,
    active          boolean      not null default true,
    foreign key (procedure_code, step_code) references procedure_step (procedure_code, code)
);

-- States of a dossier and who may move it (Decree 118/2025/NĐ-CP, Circular 03/2025/TT-VPCP forms 01-07).
create table dossier_transition (
    from_status  varchar(20)  not null,
    action       varchar(24)  not null,
    to_status    varchar(20)  not null,
    app_roles    varchar(64)  not null,      -- comma separated application roles
    form         varchar(4),                 -- form of Circular 03/2025 printed for it
    legal_basis  varchar(255) not null,
    primary key (from_status, action)
);

insert into rule_set (code, name_vi, legal_basis, effective_from, confirmed, note) values
 ('ND32-2024', 'Nghị định 32/2024/NĐ-CP về quản lý, phát triển cụm công nghiệp', 'NĐ 32/2024/NĐ-CP, Điều 10', '2024-05-15', true,
  'Thời hạn thành lập, mở rộng cụm công nghiệp theo Điều 10.'),
 ('ND303-2026', 'Nghị định 303/2026/NĐ-CP sửa đổi thời hạn thành lập, mở rộng cụm công nghiệp', 'NĐ 303/2026/NĐ-CP', '2026-09-15', false,
  'Thời hạn đọc từ nguồn thứ cấp (BRIEF §4): quản trị viên cần đối chiếu văn bản gốc và xác nhận. Hồ sơ nộp trước ngày hiệu lực giữ thời hạn cũ.'),
 ('QC09-2025', 'Quy chế quản lý cụm công nghiệp tỉnh Lạng Sơn', 'QĐ 09/2025/QĐ-UBND', '2025-02-01', true, null);

insert into procedure_def (code, name_vi, legal_basis, lead_role, concerns_ccn) values
 ('CCN_ESTABLISHMENT', 'Thành lập, mở rộng cụm công nghiệp', 'QĐ 09/2025/QĐ-UBND Điều 6.1; NĐ 32/2024/NĐ-CP Điều 9-13', 'INDUSTRY_TRADE', true),
 ('CCN_PLAN_ADJUSTMENT', 'Điều chỉnh phương án phát triển cụm công nghiệp', 'QĐ 09/2025/QĐ-UBND Điều 5', 'INDUSTRY_TRADE', true),
 ('CCN_DECISION_ADJUSTMENT', 'Điều chỉnh, bãi bỏ quyết định thành lập, mở rộng cụm công nghiệp', 'QĐ 09/2025/QĐ-UBND Điều 6.2', 'INDUSTRY_TRADE', true),
 ('CCN_DETAILED_PLAN', 'Lập, phê duyệt, điều chỉnh quy hoạch chi tiết cụm công nghiệp', 'QĐ 09/2025/QĐ-UBND Điều 7', 'COMMUNE_PEOPLES_COMMITTEE', true),
 ('CCN_SERVICE_REGULATION', 'Gửi Quy chế quản lý các dịch vụ công cộng, tiện ích của cụm công nghiệp', 'QĐ 09/2025/QĐ-UBND Điều 12.2.c', 'INDUSTRY_TRADE', true);

insert into procedure_step (procedure_code, code, seq, phase, kind, name_vi, responsible_role, expected_documents, start_basis,
                            opinions_before_completion, opinion_reply_amount, opinion_reply_unit, legal_basis) values
 -- Art. 6.1: establishment / expansion. The first three steps are the commune's preparation (Decree 32 Art. 10).
 ('CCN_ESTABLISHMENT', 'ANNOUNCE', 1, 'PREPARATION', 'PREPARE', 'Công bố công khai việc lựa chọn chủ đầu tư xây dựng hạ tầng kỹ thuật', 'COMMUNE_PEOPLES_COMMITTEE',
  'Thông báo mời nộp hồ sơ đề nghị làm chủ đầu tư', 'PREVIOUS_STEP', false, null, null, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'APPLICATIONS', 2, 'PREPARATION', 'PREPARE', 'Nhận hồ sơ đề nghị làm chủ đầu tư', 'COMMUNE_PEOPLES_COMMITTEE',
  'Hồ sơ đề nghị làm chủ đầu tư của doanh nghiệp, hợp tác xã, tổ chức', 'PREVIOUS_STEP', false, null, null, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'FORWARD', 3, 'PREPARATION', 'PREPARE', 'Gửi 02 bộ hồ sơ và tệp điện tử đến Sở Công Thương', 'COMMUNE_PEOPLES_COMMITTEE',
  'Tờ trình và hồ sơ thành lập, mở rộng cụm công nghiệp', 'PREVIOUS_STEP', false, null, null, 'NĐ 32/2024/NĐ-CP Điều 10; QĐ 09/2025/QĐ-UBND Điều 6.1.c'),
 ('CCN_ESTABLISHMENT', 'RECEIVE', 4, 'PROCESSING', 'RECEIVE', 'Tiếp nhận hồ sơ tại Sở Công Thương', 'INDUSTRY_TRADE',
  'Phiếu tiếp nhận và hẹn trả kết quả (Mẫu 01)', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 6.1.c'),
 ('CCN_ESTABLISHMENT', 'APPRAISE', 5, 'PROCESSING', 'APPRAISE', 'Thẩm định: lấy ý kiến 08 cơ quan, Hội đồng lựa chọn chủ đầu tư, báo cáo thẩm định', 'INDUSTRY_TRADE',
  'Văn bản xin ý kiến; ý kiến thẩm định của 08 cơ quan; biên bản Hội đồng lựa chọn chủ đầu tư; báo cáo thẩm định trình UBND tỉnh',
  'PREVIOUS_STEP', true, 7, 'WORKING_DAYS', 'QĐ 09/2025/QĐ-UBND Điều 6.1.c, 6.1.d; NĐ 32/2024/NĐ-CP Điều 11, 13'),
 ('CCN_ESTABLISHMENT', 'DECIDE', 6, 'PROCESSING', 'DECIDE', 'Quyết định thành lập, mở rộng cụm công nghiệp', 'PROVINCIAL_PEOPLES_COMMITTEE',
  'Quyết định của UBND tỉnh (gửi Sở Công Thương và Bộ Công Thương)', 'PREVIOUS_STEP', false, null, null, 'NĐ 32/2024/NĐ-CP Điều 10, 12'),
 ('CCN_ESTABLISHMENT', 'NOTIFY', 7, 'PROCESSING', 'NOTIFY', 'Thông báo kết quả lựa chọn chủ đầu tư cho các tổ chức đề nghị', 'INDUSTRY_TRADE',
  'Thông báo kết quả lựa chọn chủ đầu tư', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 6.1.c'),
 -- Art. 5: adjustment of the CCN development plan.
 ('CCN_PLAN_ADJUSTMENT', 'RECEIVE', 1, 'PROCESSING', 'RECEIVE', 'Tiếp nhận văn bản đề xuất của UBND cấp xã', 'INDUSTRY_TRADE',
  'Văn bản đề xuất điều chỉnh phương án phát triển cụm công nghiệp', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 5.2.a'),
 ('CCN_PLAN_ADJUSTMENT', 'OPINIONS', 2, 'PROCESSING', 'OPINIONS', 'Lấy ý kiến các sở, ngành về dự thảo điều chỉnh', 'INDUSTRY_TRADE',
  'Văn bản xin ý kiến; ý kiến góp ý của các cơ quan', 'PREVIOUS_STEP', true, 7, 'WORKING_DAYS', 'QĐ 09/2025/QĐ-UBND Điều 5.2.b, 5.2.c'),
 ('CCN_PLAN_ADJUSTMENT', 'REPORT', 3, 'PROCESSING', 'REPORT', 'Báo cáo UBND tỉnh về điều chỉnh phương án', 'INDUSTRY_TRADE',
  'Báo cáo điều chỉnh phương án phát triển cụm công nghiệp', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 5.2.b'),
 -- Art. 6.2: adjustment or revocation of an establishment decision.
 ('CCN_DECISION_ADJUSTMENT', 'RECEIVE', 1, 'PROCESSING', 'RECEIVE', 'Tiếp nhận tờ trình của UBND cấp xã', 'INDUSTRY_TRADE',
  'Tờ trình điều chỉnh, bãi bỏ quyết định thành lập, mở rộng', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 6.2.a'),
 ('CCN_DECISION_ADJUSTMENT', 'APPRAISE', 2, 'PROCESSING', 'APPRAISE', 'Lấy ý kiến các sở, ngành và tham mưu UBND tỉnh', 'INDUSTRY_TRADE',
  'Văn bản xin ý kiến; ý kiến các cơ quan; tờ trình UBND tỉnh', 'PREVIOUS_STEP', true, 7, 'WORKING_DAYS', 'QĐ 09/2025/QĐ-UBND Điều 6.2.b, 6.2.c'),
 ('CCN_DECISION_ADJUSTMENT', 'DECIDE', 3, 'PROCESSING', 'DECIDE', 'Quyết định điều chỉnh, bãi bỏ', 'PROVINCIAL_PEOPLES_COMMITTEE',
  'Quyết định của UBND tỉnh', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 6.2.b'),
 -- Art. 7: detailed plan; the planning authority's written opinion comes before approval (7.2.c).
 ('CCN_DETAILED_PLAN', 'RECEIVE', 1, 'PROCESSING', 'RECEIVE', 'Tiếp nhận hồ sơ quy hoạch chi tiết', 'COMMUNE_PEOPLES_COMMITTEE',
  'Hồ sơ quy hoạch chi tiết do chủ đầu tư hạ tầng lập', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 7.2.b'),
 ('CCN_DETAILED_PLAN', 'OPINIONS', 2, 'PROCESSING', 'OPINIONS', 'Xin ý kiến thẩm định của cơ quan quản lý nhà nước về quy hoạch', 'COMMUNE_PEOPLES_COMMITTEE',
  'Văn bản xin ý kiến; ý kiến thẩm định bằng văn bản', 'PREVIOUS_STEP', true, 7, 'WORKING_DAYS', 'QĐ 09/2025/QĐ-UBND Điều 7.2.c'),
 ('CCN_DETAILED_PLAN', 'APPROVE', 3, 'PROCESSING', 'APPROVE', 'Phê duyệt quy hoạch chi tiết', 'COMMUNE_PEOPLES_COMMITTEE',
  'Quyết định phê duyệt quy hoạch chi tiết', 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 7.2.b'),
 -- Art. 12.2.c: the investor files its public-services regulation within 5 working days of approving it.
 ('CCN_SERVICE_REGULATION', 'FILE', 1, 'PROCESSING', 'FILE', 'Gửi Quy chế quản lý dịch vụ công cộng, tiện ích đến Sở Công Thương và UBND cấp xã', null,
  'Quy chế đã phê duyệt (01 bản)', 'REFERENCE_DATE', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 12.2.c'),
 ('CCN_SERVICE_REGULATION', 'RECEIVE', 2, 'PROCESSING', 'RECEIVE', 'Tiếp nhận, theo dõi', 'INDUSTRY_TRADE',
  null, 'PREVIOUS_STEP', false, null, null, 'QĐ 09/2025/QĐ-UBND Điều 12.2.c');

insert into procedure_step_opinion_role (procedure_code, step_code, role_code)
select 'CCN_ESTABLISHMENT', 'APPRAISE', r from unnest(array['FINANCE', 'PLANNING_INVESTMENT', 'CONSTRUCTION',
    'NATURAL_RESOURCES_ENVIRONMENT', 'AGRICULTURE', 'TRANSPORT', 'PROVINCIAL_POLICE', 'MILITARY_COMMAND']) r;
insert into procedure_step_opinion_role (procedure_code, step_code, role_code)
select 'CCN_PLAN_ADJUSTMENT', 'OPINIONS', r from unnest(array['PLANNING_INVESTMENT', 'NATURAL_RESOURCES_ENVIRONMENT',
    'CONSTRUCTION', 'TRANSPORT', 'AGRICULTURE']) r;
insert into procedure_step_opinion_role (procedure_code, step_code, role_code)
select 'CCN_DECISION_ADJUSTMENT', 'APPRAISE', r from unnest(array['FINANCE', 'PLANNING_INVESTMENT', 'CONSTRUCTION',
    'NATURAL_RESOURCES_ENVIRONMENT', 'AGRICULTURE', 'TRANSPORT', 'PROVINCIAL_POLICE', 'MILITARY_COMMAND']) r;
insert into procedure_step_opinion_role (procedure_code, step_code, role_code) values
 ('CCN_DETAILED_PLAN', 'OPINIONS', 'CONSTRUCTION');

insert into procedure_time_limit (procedure_code, step_code, rule_set_code, amount, unit, pauses_for_supplements, legal_basis) values
 ('CCN_ESTABLISHMENT', 'ANNOUNCE',     'ND32-2024', 5,  'WORKING_DAYS', false, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'APPLICATIONS', 'ND32-2024', 15, 'DAYS',         false, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'FORWARD',      'ND32-2024', 5,  'WORKING_DAYS', false, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'APPRAISE',     'ND32-2024', 25, 'DAYS',         true,  'NĐ 32/2024/NĐ-CP Điều 10 (không kể thời gian chờ bổ sung)'),
 ('CCN_ESTABLISHMENT', 'DECIDE',       'ND32-2024', 7,  'WORKING_DAYS', false, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_ESTABLISHMENT', 'ANNOUNCE',     'ND303-2026', 2,  'WORKING_DAYS', false, 'NĐ 303/2026/NĐ-CP (chờ xác nhận)'),
 ('CCN_ESTABLISHMENT', 'APPLICATIONS', 'ND303-2026', 5,  'WORKING_DAYS', false, 'NĐ 303/2026/NĐ-CP (chờ xác nhận)'),
 ('CCN_ESTABLISHMENT', 'FORWARD',      'ND303-2026', 5,  'WORKING_DAYS', false, 'NĐ 303/2026/NĐ-CP (chờ xác nhận)'),
 ('CCN_ESTABLISHMENT', 'APPRAISE',     'ND303-2026', 20, 'WORKING_DAYS', true,  'NĐ 303/2026/NĐ-CP (chờ xác nhận; không kể thời gian chờ bổ sung)'),
 ('CCN_ESTABLISHMENT', 'DECIDE',       'ND303-2026', 5,  'WORKING_DAYS', false, 'NĐ 303/2026/NĐ-CP (chờ xác nhận)'),
 ('CCN_SERVICE_REGULATION', 'FILE',    'QC09-2025', 5,  'WORKING_DAYS', false, 'QĐ 09/2025/QĐ-UBND Điều 12.2.c');

insert into procedure_paper (procedure_code, seq, name_vi, originals, copies, required, legal_basis) values
 ('CCN_ESTABLISHMENT', 1, 'Tờ trình đề nghị thành lập, mở rộng cụm công nghiệp của UBND cấp xã', 2, 0, true, 'NĐ 32/2024/NĐ-CP Điều 9'),
 ('CCN_ESTABLISHMENT', 2, 'Báo cáo đầu tư thành lập, mở rộng cụm công nghiệp', 2, 0, true, 'NĐ 32/2024/NĐ-CP Điều 9'),
 ('CCN_ESTABLISHMENT', 3, 'Hồ sơ đề nghị làm chủ đầu tư xây dựng hạ tầng kỹ thuật của các tổ chức', 2, 0, true, 'NĐ 32/2024/NĐ-CP Điều 9, 13'),
 ('CCN_ESTABLISHMENT', 4, 'Tệp điện tử của hồ sơ', 1, 0, true, 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('CCN_PLAN_ADJUSTMENT', 1, 'Văn bản đề xuất điều chỉnh phương án phát triển cụm công nghiệp của UBND cấp xã', 1, 0, true, 'QĐ 09/2025/QĐ-UBND Điều 5.2.a'),
 ('CCN_DECISION_ADJUSTMENT', 1, 'Tờ trình điều chỉnh, bãi bỏ quyết định thành lập, mở rộng cụm công nghiệp', 1, 0, true, 'QĐ 09/2025/QĐ-UBND Điều 6.2.a'),
 ('CCN_DETAILED_PLAN', 1, 'Tờ trình phê duyệt quy hoạch chi tiết', 1, 0, true, 'QĐ 09/2025/QĐ-UBND Điều 7'),
 ('CCN_DETAILED_PLAN', 2, 'Thuyết minh và bản vẽ quy hoạch chi tiết', 1, 0, true, 'QĐ 09/2025/QĐ-UBND Điều 7.1'),
 ('CCN_SERVICE_REGULATION', 1, 'Quy chế quản lý các dịch vụ công cộng, tiện ích đã phê duyệt', 1, 0, true, 'QĐ 09/2025/QĐ-UBND Điều 12.2.c');

insert into distribution_rule (code, name_vi, condition_kind, procedure_code, step_code, target_role, legal_basis) values
 ('CCN_COPY_TO_SCT', 'Gửi Sở Công Thương 01 bản mọi văn bản về cụm công nghiệp', 'CCN_DOCUMENT', null, null, 'INDUSTRY_TRADE',
  'QĐ 09/2025/QĐ-UBND Điều 2.2.b'),
 ('ESTABLISHMENT_TO_MINISTRY', 'Gửi Bộ Công Thương quyết định thành lập, mở rộng cụm công nghiệp', 'PROCEDURE_STEP',
  'CCN_ESTABLISHMENT', 'DECIDE', 'MINISTRY_INDUSTRY_TRADE', 'NĐ 32/2024/NĐ-CP Điều 10'),
 ('FORWARD', 'Chuyển văn bản đến cơ quan chủ trì giải quyết', 'MANUAL', null, null, null,
  'QĐ 09/2025/QĐ-UBND, Quy chế Điều 2.2.a (cơ quan chủ trì)');

insert into dossier_transition (from_status, action, to_status, app_roles, form, legal_basis) values
 ('RECEIVED',  'ACCEPT',   'ACCEPTED',  'CLERK',              '01', 'Thông tư 03/2025/TT-VPCP, Mẫu 01'),
 ('RECEIVED',  'REFUSE',   'REFUSED',   'CLERK',              '03', 'Thông tư 03/2025/TT-VPCP, Mẫu 03'),
 ('RECEIVED',  'REQUEST_SUPPLEMENT', 'WAITING_SUPPLEMENT', 'CLERK', '02', 'Thông tư 03/2025/TT-VPCP, Mẫu 02'),
 ('ACCEPTED',  'FORWARD',  'PROCESSING','CLERK',              '06', 'Thông tư 03/2025/TT-VPCP, Mẫu 06'),
 ('PROCESSING','REQUEST_SUPPLEMENT', 'WAITING_SUPPLEMENT', 'SPECIALIST,LEADER', '02', 'Thông tư 03/2025/TT-VPCP, Mẫu 02'),
 ('WAITING_SUPPLEMENT', 'SUPPLEMENT', 'PROCESSING', 'CLERK,SPECIALIST', null, 'Thông tư 03/2025/TT-VPCP, Mẫu 02 (trở lại trạng thái trước khi chờ bổ sung)'),
 ('PROCESSING','REFUSE',   'REFUSED',   'SPECIALIST,LEADER',  '03', 'Thông tư 03/2025/TT-VPCP, Mẫu 03'),
 ('PROCESSING','STOP',     'STOPPED',   'LEADER',             '05', 'Thông tư 03/2025/TT-VPCP, Mẫu 05'),
 ('WAITING_SUPPLEMENT', 'STOP', 'STOPPED', 'LEADER',          '05', 'Thông tư 03/2025/TT-VPCP, Mẫu 05'),
 ('PROCESSING','FINISH',   'DONE',      'SPECIALIST,LEADER',  null, 'Thông tư 03/2025/TT-VPCP, Mẫu 06'),
 ('DONE',      'RETURN',   'RETURNED',  'CLERK',              null, 'Thông tư 03/2025/TT-VPCP, Mẫu 07'),
 ('REFUSED',   'RETURN',   'RETURNED',  'CLERK',              null, 'Thông tư 03/2025/TT-VPCP, Mẫu 07'),
 ('STOPPED',   'RETURN',   'RETURNED',  'CLERK',              null, 'Thông tư 03/2025/TT-VPCP, Mẫu 07');
