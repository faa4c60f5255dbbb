/** Draft fixtures shared by the drafts integration, e2e tests and the workflow benchmark. */
export const NQ_SUBJECT = 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng tỉnh';

/** A Nghị quyết of the Ban Thường vụ as the drafting department types it (date left blank until signature). */
export const NQ_BODY = `TỈNH ỦY HƯNG YÊN                          ĐẢNG CỘNG SẢN VIỆT NAM
        *
Số    -NQ/TU                        Hưng Yên, ngày    tháng    năm 2026

DỰ THẢO
NGHỊ QUYẾT
CỦA BAN THƯỜNG VỤ TỈNH ỦY
${NQ_SUBJECT}
-----
Căn cứ Điều lệ Đảng;
Ban Thường vụ Tỉnh ủy quyết nghị:
1. Hoàn thành số hóa văn bản đi, đến trong năm 2026.

Nơi nhận:                                   T/M BAN THƯỜNG VỤ
- Ban Bí thư (để báo cáo),                  BÍ THƯ
- Các đảng ủy trực thuộc Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.                    Nguyễn Văn A
`;

/** A good submission: passes the precheck with no error. */
export const nqDraft = (over: Record<string, unknown> = {}) => ({
  typeCode: 'NQ',
  issuerCode: 'TU',
  subject: NQ_SUBJECT,
  body: NQ_BODY,
  recipients: ['Ban Bí thư', 'Các đảng ủy trực thuộc Tỉnh ủy'],
  dossier: [
    { kind: 'to-trinh', name: 'Tờ trình số 12-TTr/BTCTU' },
    { kind: 'du-thao', name: 'Dự thảo Nghị quyết' },
  ],
  ...over,
});

/** A Chỉ thị signed "T/M TỈNH ỦY": issued by the full committee (BCH), which may not issue one. */
export const ctByFullCommittee = () =>
  nqDraft({
    typeCode: 'CT',
    subject: 'về tăng cường kỷ luật hành chính',
    body: NQ_BODY.replace('-NQ/TU', '-CT/TU').replace('NGHỊ QUYẾT', 'CHỈ THỊ').replace('CỦA BAN THƯỜNG VỤ TỈNH ỦY\n', '').replace(NQ_SUBJECT, 'về tăng cường kỷ luật hành chính').replace('T/M BAN THƯỜNG VỤ', 'T/M TỈNH ỦY'),
  });

/** The good Nghị quyết without its "Nơi nhận:" block. */
export const nqWithoutRecipientsBlock = () => nqDraft({ body: NQ_BODY.replace('Nơi nhận:', '         ').replace(/^- .*?(\s{2,}|$)/gm, '') });
