/** Draft fixtures shared by the drafts integration, e2e tests and the workflow benchmark. */
import { DEMO_NQ_BODY, DEMO_NQ_SUBJECT, demoNqDraft } from '../../local/demo';

export const NQ_SUBJECT = DEMO_NQ_SUBJECT;
/** A Nghị quyết of the Ban Thường vụ as the drafting department types it (the demo office's draft). */
export const NQ_BODY = DEMO_NQ_BODY;
/** A good submission: passes the precheck with no error. */
export const nqDraft = demoNqDraft;

/** A Chỉ thị signed "T/M TỈNH ỦY": issued by the full committee (BCH), which may not issue one. */
export const ctByFullCommittee = () =>
  nqDraft({
    typeCode: 'CT',
    subject: 'về tăng cường kỷ luật hành chính',
    body: NQ_BODY.replace('-NQ/TU', '-CT/TU').replace('NGHỊ QUYẾT', 'CHỈ THỊ').replace('CỦA BAN THƯỜNG VỤ TỈNH ỦY\n', '').replace(NQ_SUBJECT, 'về tăng cường kỷ luật hành chính').replace('T/M BAN THƯỜNG VỤ', 'T/M TỈNH ỦY'),
  });

/** The good Nghị quyết without its "Nơi nhận:" block. */
export const nqWithoutRecipientsBlock = () => nqDraft({ body: NQ_BODY.replace('Nơi nhận:', '         ').replace(/^- .*?(\s{2,}|$)/gm, '') });
