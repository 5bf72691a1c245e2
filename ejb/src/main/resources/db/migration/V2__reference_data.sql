-- Reference data that the regulation names. Administrators maintain it; rows carry their legal basis.

-- Functional roles of the Quy chế annexed to Lạng Sơn Decision 09/2025/QĐ-UBND (Art. 2, 5.2.c, 6.1.d, 14).
insert into functional_role (code, name_vi, legal_basis) values
 ('PLANNING_INVESTMENT', 'Cơ quan quản lý nhà nước về kế hoạch và đầu tư', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d'),
 ('FINANCE',             'Cơ quan quản lý nhà nước về tài chính', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d'),
 ('CONSTRUCTION',        'Cơ quan quản lý nhà nước về xây dựng', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d, 8.2'),
 ('NATURAL_RESOURCES_ENVIRONMENT', 'Cơ quan quản lý nhà nước về tài nguyên và môi trường', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d, 9.2'),
 ('AGRICULTURE',         'Cơ quan quản lý nhà nước về nông nghiệp', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d'),
 ('TRANSPORT',           'Cơ quan quản lý nhà nước về giao thông vận tải', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d'),
 ('PROVINCIAL_POLICE',   'Công an tỉnh', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d, 11.4'),
 ('MILITARY_COMMAND',    'Bộ Chỉ huy quân sự tỉnh', 'QĐ 09/2025/QĐ-UBND, Điều 6.1.d'),
 ('INVESTMENT_PROMOTION_CENTRE', 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch', 'QĐ 09/2025/QĐ-UBND, Điều 3'),
 ('PROVINCIAL_INSPECTORATE', 'Thanh tra tỉnh', 'QĐ 09/2025/QĐ-UBND, Điều 14.2.a'),
 ('INDUSTRY_TRADE',      'Sở Công Thương (cơ quan đầu mối về cụm công nghiệp)', 'QĐ 09/2025/QĐ-UBND, Điều 2.2.b, 3'),
 ('PROVINCIAL_PEOPLES_COMMITTEE', 'Ủy ban nhân dân tỉnh', 'QĐ 09/2025/QĐ-UBND, Điều 5, 6'),
 ('COMMUNE_PEOPLES_COMMITTEE', 'Ủy ban nhân dân cấp xã (trước là cấp huyện)', 'QĐ 09/2025/QĐ-UBND, Điều 5.2.a, 6.1.c; chính quyền hai cấp từ 01/7/2025');

-- Document types and their default symbol patterns, Decree 30/2020/NĐ-CP Appendix I-III.
-- Tokens: {number} (two digits at least), {year}, {type}, {agency}, {unit}.
insert into document_type (code, name_vi, symbol_pattern) values
 ('QĐ',   'Quyết định', '{number}/{type}-{agency}'),
 ('TTr',  'Tờ trình',   '{number}/{type}-{agency}'),
 ('CV',   'Công văn',   '{number}/{agency}-{unit}'),
 ('BC',   'Báo cáo',    '{number}/{type}-{agency}'),
 ('TB',   'Thông báo',  '{number}/{type}-{agency}'),
 ('KH',   'Kế hoạch',   '{number}/{type}-{agency}'),
 ('BB',   'Biên bản',   '{number}/{type}-{agency}'),
 ('GM',   'Giấy mời',   '{number}/{type}-{agency}'),
 ('CT',   'Chỉ thị',    '{number}/{type}-{agency}'),
 ('QC',   'Quy chế',    '{number}/{type}-{agency}'),
 ('HD',   'Hướng dẫn',  '{number}/{type}-{agency}'),
 ('KL',   'Kết luận',   '{number}/{type}-{agency}'),
 ('GGT',  'Giấy giới thiệu', '{number}/{type}-{agency}'),
 ('PC',   'Phiếu chuyển', '{number}/{type}-{agency}');
