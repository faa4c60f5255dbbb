/**
 * The clerk's electronic inbox in a real browser against an embedded office: two documents arrive
 * from a partner office (signed messages, as the exchange carries them); the văn thư opens the
 * inbox, registers one in one step (it shows the số đến it took) and returns the other with a
 * reason; the register has the first, the partner's copy of the second is marked returned.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { useConsoleOffice, SHOTS, signIn } from './support';
import { call, partnerPackage, testPartner } from '../support/exchange';

let office: Office;
const { newPage } = useConsoleOffice((o) => (office = o));

describe('the văn thư at the electronic inbox', () => {
  it('registers one document in one step and returns another with a reason', async () => {
    const admin = office.token('admin');
    const clerk = office.token('vanthu');
    const me = (await call(office.url, 'GET', '/v1/exchange/identity')).body;
    const partner = await testPartner('hu-vl');
    const added = await call(office.url, 'POST', '/v1/exchange/partners', admin, { id: 'hu-vl', name: 'Văn phòng Huyện ủy Văn Lâm', endpoint: 'http://127.0.0.1:9/v1/exchange/messages', certificate: await partner.seal.certificate(), encryptedChannel: false });
    expect(added.status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    for (const n of ['301', '302']) {
      const m = await partner.message({ to: me.id, sentAt: new Date().toISOString(), content: partnerPackage({ from: 'hu-vl', to: me.id, codeNumber: n, date: today }) });
      const r = await fetch(`${office.url}/v1/exchange/messages`, { method: 'POST', body: JSON.stringify(m.json), headers: m.headers });
      expect(r.status).toBe(202);
    }

    const page = await newPage();
    await signIn(page, office.url, 'vanthu');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản điện tử đến', exact: true }).click();
    await page.getByRole('heading', { name: 'Văn bản điện tử đến', level: 1 }).waitFor();
    await page.getByText('301-CV/HU').waitFor();
    await page.getByRole('radio', { name: 'Chọn 301-CV/HU' }).check();
    await page.getByRole('heading', { name: /^301-CV\/HU — / }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'van-ban-dien-tu-den.png') });
    await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const done = page.getByText(/^Đã vào sổ văn bản đến, số đến \d+\.$/);
    await done.waitFor();
    const number = Number(/số đến (\d+)/.exec((await done.textContent()) ?? '')![1]);

    await page.getByRole('radio', { name: 'Chọn 302-CV/HU' }).check();
    await page.getByLabel('Lý do trả lại').fill('Gửi nhầm nơi nhận, đề nghị gửi Ban Tổ chức');
    await page.getByRole('button', { name: 'Trả lại nơi gửi' }).click();
    await page.getByText('Đã trả lại văn bản cho nơi gửi.').waitFor();

    const register = (await call(office.url, 'GET', '/v1/registers/incoming/entries', clerk)).body.items as { numberSymbol: string; arrivalNumber: number }[];
    expect(register.filter((e) => e.numberSymbol === '301-CV/HU').map((e) => e.arrivalNumber)).toEqual([number]);
    expect(register.some((e) => e.numberSymbol === '302-CV/HU')).toBe(false);
    const returned = (await call(office.url, 'GET', '/v1/exchange/inbox?status=returned', clerk)).body.items;
    expect(returned.map((i: { numberSymbol: string; reason: string }) => [i.numberSymbol, i.reason])).toEqual([['302-CV/HU', 'Gửi nhầm nơi nhận, đề nghị gửi Ban Tổ chức']]);
  });

  it('sends an issued document to a partner from its page (“Gửi liên thông”) and shows where it went', async () => {
    const admin = office.token('admin');
    const clerk = office.token('vanthu');
    const partner = await testPartner('tp-hy');
    // An endpoint nobody answers: the delivery stays queued (retried), which is what the table shows.
    const added = await call(office.url, 'POST', '/v1/exchange/partners', admin, { id: 'tp-hy', name: 'Văn phòng Thành ủy Hưng Yên', endpoint: 'http://127.0.0.1:9/v1/exchange/messages', certificate: await partner.seal.certificate(), encryptedChannel: false });
    expect(added.status).toBe(201);
    const issued = await call(office.url, 'POST', '/v1/registers/outgoing/entries', clerk, { typeCode: 'CV', issuerCode: 'TU', subject: 'về lịch tiếp công dân', signer: 'Nguyễn Hữu Nghĩa', recipients: ['Thành ủy Hưng Yên', 'Lưu VT'], secrecy: null, urgency: null });
    expect(issued.status).toBe(201);

    const page = await newPage();
    await signIn(page, office.url, 'vanthu');
    await page.goto(`${office.url}/van-ban-di/${issued.body.id}`);
    await page.getByRole('heading', { name: `Số ${issued.body.numberSymbol}`, level: 1 }).waitFor();
    await page.getByText('Chưa gửi liên thông tới đơn vị nào.').waitFor();
    await page.getByRole('button', { name: 'Gửi liên thông' }).click();
    await page.getByRole('checkbox', { name: 'Văn phòng Thành ủy Hưng Yên' }).check();
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const table = page.getByRole('table', { name: 'Các nơi đã gửi liên thông' });
    await table.getByRole('cell', { name: 'tp-hy' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'gui-lien-thong.png') });
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/Đang chờ gửi|Gửi không được/);
    const sent = (await call(office.url, 'GET', `/v1/registers/outgoing/entries/${issued.body.id}/deliveries`, clerk)).body.items;
    expect(sent.map((d: { partnerId: string }) => d.partnerId)).toEqual(['tp-hy']);
  });
});
