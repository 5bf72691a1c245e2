-- Issue 5: the working-day calendar. One row per solar year with its status, and one row per dated exception:
-- a holiday, an extra day off (nghỉ bù, hoán đổi) or a weekend day that is worked (làm bù). Ordinary days follow
-- the year's weekly rest days. A year without a row is computed from the Labour Code at run time and every
-- deadline computed over it carries a warning; so does a year that is only PROPOSED.

create table calendar_year (
    year          integer       primary key check (year between 1968 and 2199),
    status        varchar(10)   not null check (status in ('CONFIRMED', 'PROPOSED')),
    -- Weekly rest days of state agencies, Decision 188/1999/QĐ-TTg (40-hour week): data, not code.
    weekend       varchar(64)   not null default 'SATURDAY,SUNDAY',
    note          varchar(2000),
    legal_basis   varchar(1000),                        -- the official notice(s) the year was checked against
    confirmed_by  varchar(64),
    confirmed_at  timestamptz,
    constraint calendar_year_confirmation check (status <> 'CONFIRMED'
        or (confirmed_by is not null and confirmed_at is not null and legal_basis is not null))
);

create table calendar_day (
    day          date          primary key,
    year         integer       not null references calendar_year (year) on delete cascade,
    kind         varchar(16)   not null check (kind in ('HOLIDAY', 'EXTRA_DAY_OFF', 'WORKING_SWAP')),
    name_vi      varchar(255)  not null,
    legal_basis  varchar(500),
    constraint calendar_day_in_year check (extract(year from day) = year)
);
create index calendar_day_year on calendar_day (year);

-- 2025: the days off the Prime Minister set for civil servants (Official Letter 8726/VPCP-KGVX of 26/11/2024,
-- announced by the Ministry of Labour, Invalids and Social Affairs): Tết 27-31/1 (with the weekends 25/1-2/2),
-- Hùng Kings 7/4, 30/4-1/5 with Friday 2/5 swapped for Saturday 26/4, National Day 1-2/9 (with the weekend 30/8-2/9).
insert into calendar_year (year, status, note, legal_basis, confirmed_by, confirmed_at) values
    (2025, 'CONFIRMED',
     'Khởi tạo theo Công văn 8726/VPCP-KGVX ngày 26/11/2024 và thông báo lịch nghỉ của Bộ LĐTBXH năm 2025 (đối chiếu qua báo chí).',
     'Bộ luật Lao động 2019, Điều 111, 112; Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ',
     'migration-V30', now());

insert into calendar_day (day, year, kind, name_vi, legal_basis) values
    (date '2025-01-01', 2025, 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a'),
    (date '2025-01-27', 2025, 'HOLIDAY', 'Tết Nguyên đán (28 tháng Chạp năm Giáp Thìn)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-01-28', 2025, 'HOLIDAY', 'Tết Nguyên đán (29 tháng Chạp năm Giáp Thìn)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-01-29', 2025, 'HOLIDAY', 'Tết Nguyên đán (mùng 1 tháng Giêng năm Ất Tỵ)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-01-30', 2025, 'HOLIDAY', 'Tết Nguyên đán (mùng 2 tháng Giêng năm Ất Tỵ)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-01-31', 2025, 'HOLIDAY', 'Tết Nguyên đán (mùng 3 tháng Giêng năm Ất Tỵ)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-04-07', 2025, 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e'),
    (date '2025-04-26', 2025, 'WORKING_SWAP', 'Làm bù cho thứ Sáu 2/5/2025', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-04-30', 2025, 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c'),
    (date '2025-05-01', 2025, 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d'),
    (date '2025-05-02', 2025, 'EXTRA_DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-09-01', 2025, 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ; Công văn 8726/VPCP-KGVX ngày 26/11/2024'),
    (date '2025-09-02', 2025, 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ');

-- 2026: PROPOSED. Verified: New Year 1/1 with Friday 2/1 swapped for Saturday 10/1 (Official Letter
-- 12729/VPCP-KGVX of 25/12/2025); Tết 16-20/2 (Notice 9441/TB-BNV of 16/10/2025); Hùng Kings on Sunday 26/4 with
-- the compensatory Monday 27/4 (Labour Code Art. 111.3); 30/4 and 1/5 (Thursday, Friday). Not verified: the National
-- Day days, which Notice 9441/TB-BNV also sets (reported as five days off with a swap) — entered here as the
-- statutory proposal 1-2/9; and the proposed new holiday of 24/11 (Vietnam Culture Day), not yet in the Labour Code.
insert into calendar_year (year, status, note, legal_basis) values
    (2026, 'PROPOSED',
     'Chưa xác nhận: chưa đối chiếu được các ngày nghỉ Quốc khánh 2026 theo Thông báo 9441/TB-BNV (báo chí nêu nghỉ 5 ngày, có hoán đổi) — tạm nhập 1/9 và 2/9 theo Bộ luật Lao động; Ngày Văn hóa Việt Nam 24/11 chưa được bổ sung vào Điều 112 Bộ luật Lao động. Các ngày khác đã đối chiếu: Tết Dương lịch (Công văn 12729/VPCP-KGVX), Tết Nguyên đán (Thông báo 9441/TB-BNV), Giỗ Tổ Hùng Vương và nghỉ bù 27/4, 30/4, 1/5.',
     'Bộ luật Lao động 2019, Điều 111, 112; Công văn 12729/VPCP-KGVX ngày 25/12/2025; Thông báo 9441/TB-BNV ngày 16/10/2025');

insert into calendar_day (day, year, kind, name_vi, legal_basis) values
    (date '2026-01-01', 2026, 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a'),
    (date '2026-01-02', 2026, 'EXTRA_DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
    (date '2026-01-10', 2026, 'WORKING_SWAP', 'Làm bù cho thứ Sáu 2/1/2026', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
    (date '2026-02-16', 2026, 'HOLIDAY', 'Tết Nguyên đán (29 tháng Chạp năm Ất Tỵ)', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-17', 2026, 'HOLIDAY', 'Tết Nguyên đán (mùng 1 tháng Giêng năm Bính Ngọ)', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-18', 2026, 'HOLIDAY', 'Tết Nguyên đán (mùng 2 tháng Giêng năm Bính Ngọ)', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-19', 2026, 'HOLIDAY', 'Tết Nguyên đán (mùng 3 tháng Giêng năm Bính Ngọ)', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-20', 2026, 'HOLIDAY', 'Tết Nguyên đán (mùng 4 tháng Giêng năm Bính Ngọ)', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-04-26', 2026, 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e'),
    (date '2026-04-27', 2026, 'EXTRA_DAY_OFF', 'Nghỉ bù do Giỗ Tổ Hùng Vương trùng Chủ nhật 26/4', 'Bộ luật Lao động 2019, Điều 111 khoản 3'),
    (date '2026-04-30', 2026, 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c'),
    (date '2026-05-01', 2026, 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d'),
    (date '2026-09-01', 2026, 'HOLIDAY', 'Quốc khánh (ngày liền kề, chưa đối chiếu thông báo)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ'),
    (date '2026-09-02', 2026, 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ');

-- 2027: PROPOSED, generated by StatutoryHolidays.propose(2027): Tết is the eve and the first four days
-- (Tết 2027 is Saturday 6 February, so two compensatory days follow), 1 May on a Saturday is compensated on
-- Monday 3 May, and the day next to National Day (Thursday) is Friday 3 September.
insert into calendar_year (year, status, note, legal_basis) values
    (2027, 'PROPOSED',
     'Sinh tự động theo Bộ luật Lao động 2019 (Điều 111, 112); cần đối chiếu thông báo chính thức năm 2027.',
     'Bộ luật Lao động 2019, Điều 111, 112');

insert into calendar_day (day, year, kind, name_vi, legal_basis) values
    (date '2027-01-01', 2027, 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a'),
    (date '2027-02-05', 2027, 'HOLIDAY', 'Tết Nguyên đán (29 tháng Chạp năm Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)'),
    (date '2027-02-06', 2027, 'HOLIDAY', 'Tết Nguyên đán (mùng 1 tháng Giêng năm Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)'),
    (date '2027-02-07', 2027, 'HOLIDAY', 'Tết Nguyên đán (mùng 2 tháng Giêng năm Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)'),
    (date '2027-02-08', 2027, 'HOLIDAY', 'Tết Nguyên đán (mùng 3 tháng Giêng năm Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)'),
    (date '2027-02-09', 2027, 'HOLIDAY', 'Tết Nguyên đán (mùng 4 tháng Giêng năm Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)'),
    (date '2027-02-10', 2027, 'EXTRA_DAY_OFF', 'Nghỉ bù do Tết Nguyên đán (mùng 1 tháng Giêng năm Đinh Mùi) trùng thứ Bảy 6/2', 'Bộ luật Lao động 2019, Điều 111 khoản 3'),
    (date '2027-02-11', 2027, 'EXTRA_DAY_OFF', 'Nghỉ bù do Tết Nguyên đán (mùng 2 tháng Giêng năm Đinh Mùi) trùng Chủ nhật 7/2', 'Bộ luật Lao động 2019, Điều 111 khoản 3'),
    (date '2027-04-16', 2027, 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e'),
    (date '2027-04-30', 2027, 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c'),
    (date '2027-05-01', 2027, 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d'),
    (date '2027-05-03', 2027, 'EXTRA_DAY_OFF', 'Nghỉ bù do ngày Quốc tế lao động trùng thứ Bảy 1/5', 'Bộ luật Lao động 2019, Điều 111 khoản 3'),
    (date '2027-09-02', 2027, 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ'),
    (date '2027-09-03', 2027, 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)');
