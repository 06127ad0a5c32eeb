// 审核工作台 (issue 16): cases filed over REST by appellants are decided on the reviewer's page.
//  - 工作人员登录 at /#/staff (staff made by `uia admin add`), the token in page memory only;
//  - the list (a case, the 只看超期 filter), a case: its fields, a PNG and a JPEG shown in the
//    page, a PDF downloaded; 领取 by one reviewer, the other's 领取 refused (409 alert with the
//    server's message); 驳回 without a reason refused under the field, then with one;
//  - decideOnWorkbench approves a phone claim (the phone moves to the appellant);
//  - 账号冻结: find the phone's former holder by ID number, freeze (sign-in refused), unfreeze;
//  - a case claimed and rejected with the keyboard alone; 退出登录;
//  - axe-core on each view; 1280 px, and the case at 375 px.
//
//   UIA_E2E_TESTS="workbench.test.mjs" tests/e2e/run.sh
//
// Screenshots: $UIA_SCREENSHOTS/workbench-<viewport>-<step>.png.
import {
  TIMEOUT, TestFailure, check, log, call, person, registerActive, randomPhone, runTest, nextFrames,
} from './centre_driver.mjs';
import { expectNoSeriousAxeFindings } from './axe_check.mjs';
import {
  createStaff, decideOnWorkbench, e2eServer, focusedLabel, keyTo, openCase, openWorkbench, pdfBytes, pngBytes,
  seedCase, shownStatus, signInStaff, staffToken, viewFirstPicture,
} from './workbench_driver.mjs';

const PHONE_TAKEN = 'person_phone_taken';

function claimFields(phone, appellant) {
  return { phone, id_type: 'resident', name: appellant.name, id_number: appellant.id, password: appellant.password };
}

async function statusBecomes(page, want) {
  await page.waitForFunction((w) => document.querySelector('#uia-a11y [role=textbox][aria-label="办理状态"]')?.getAttribute('data-value')?.startsWith(w),
    want, { timeout: TIMEOUT }).catch(async () => { throw new TestFailure(`办理状态 is not ${want}`); });
}

runTest('workbench.test', async (browser) => {
  const server = e2eServer();
  const [rev1, rev2] = [await createStaff(server, ['reviewer']), await createStaff(server, 'reviewer')];

  // A JPEG made by the browser itself (a real encoder), a PNG and a PDF made here.
  const scratch = await browser.newPage();
  await scratch.setContent('<body style="margin:0;background:linear-gradient(90deg,#1e64c8,#f2f4f7)"></body>');
  const jpeg = await scratch.screenshot({ type: 'jpeg', quality: 70, clip: { x: 0, y: 0, width: 320, height: 200 } });
  await scratch.close();
  const png = pngBytes(240, 150), pdf = pdfBytes();
  const materials = {
    id_front: { content_type: 'image/png', bytes: png },
    id_back: { content_type: 'image/jpeg', bytes: jpeg },
    id_handheld: { content_type: 'image/png', bytes: png },
    phone_bill: { content_type: 'application/pdf', bytes: pdf },
  };

  // Case A: a phone held by another account (approvable). Case B and C: phones nobody holds.
  const holder = person('王五');
  await registerActive(holder);
  const appellantA = person('赵六'), appellantB = person('钱七'), appellantC = person('孙八');
  const caseA = (await seedCase(PHONE_TAKEN, claimFields(holder.phone, appellantA), materials)).case_number;
  const caseB = (await seedCase(PHONE_TAKEN, claimFields(randomPhone(), appellantB), materials)).case_number;
  const caseC = (await seedCase(PHONE_TAKEN, claimFields(randomPhone(), appellantC), materials)).case_number;

  // ---- Reviewer 1 at 1280 px: sign in, the list, case B
  const one = await openWorkbench(browser, server, { viewport: { width: 1280, height: 800 }, acceptDownloads: true }, '1280');
  const { page, d } = one;
  await d.shot('sign-in');
  await expectNoSeriousAxeFindings(page, 'sign-in');
  // A wrong password: the server's message, no workbench.
  await d.fill('用户名', rev1.username);
  await d.fill('密码', 'wrong-password-1', { secret: true });
  const refused = await d.submit('登录', '/api/v1/admin/sessions');
  check(refused.status() === 401, `wrong staff password: HTTP ${refused.status()}`);
  await d.banner((await refused.json()).error.message);
  await signInStaff(d, rev1);
  const item = d.mirror.getByRole('listitem', { name: caseB, exact: true });
  await item.waitFor({ timeout: TIMEOUT });
  check(/手机号被他人注册/.test(await item.textContent()), `list item: ${await item.textContent()}`);
  await d.shot('list');
  await expectNoSeriousAxeFindings(page, 'case list');
  // 只看超期: a case filed a moment ago is not overdue.
  const overdueList = page.waitForResponse((r) => /\/api\/v1\/admin\/cases\?.*overdue=true/.test(r.url()), { timeout: TIMEOUT });
  await d.press(d.role('checkbox', '只看超期'));
  check((await overdueList).status() === 200, '只看超期: the list request failed');
  await nextFrames(page, 3);
  check(await item.count() === 0, '只看超期 still lists a fresh case');
  const fullList = page.waitForResponse((r) => /\/api\/v1\/admin\/cases\?/.test(r.url()) && !/overdue/.test(r.url()), { timeout: TIMEOUT });
  await d.press(d.role('checkbox', '只看超期'));
  await fullList;

  await openCase(d, caseB);
  check(await d.value('姓名') === appellantB.name, `姓名 shows ${await d.value('姓名')}`);
  check(await d.value('申诉类型') === '手机号被他人注册', `申诉类型 shows ${await d.value('申诉类型')}`);
  const picture = await viewFirstPicture(d);
  check(picture.size === '240×150', `the PNG is shown at ${picture.size}`);
  const jpegButton = d.mirror.locator('[role=button][aria-label^="查看材料："]').nth(1);
  const jpegLabel = (await jpegButton.getAttribute('aria-label')).slice('查看材料：'.length);
  await d.press(jpegButton);
  await d.mirror.getByRole('img', { name: `材料图片：${jpegLabel}`, exact: true }).waitFor({ timeout: TIMEOUT });
  const download = page.waitForEvent('download', { timeout: TIMEOUT });
  await d.press(d.mirror.locator('[role=button][aria-label^="下载材料："]').first());
  const file = await download;
  check(file.suggestedFilename().endsWith('.pdf'), `PDF download named ${file.suggestedFilename()}`);
  check((await (await import('node:fs')).promises.readFile(await file.path())).subarray(0, 5).toString() === '%PDF-', 'the download is not the PDF');
  log('materials: PNG and JPEG shown, PDF downloaded as', file.suggestedFilename());
  await d.shot('case');
  await expectNoSeriousAxeFindings(page, 'case view');

  // ---- Reviewer 2 on a phone opens case B before reviewer 1 claims it
  const two = await openWorkbench(browser, server, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true }, '375');
  await signInStaff(two.d, rev2);
  await two.d.shot('list');
  await openCase(two.d, caseB);
  await two.d.role('button', '领取').waitFor({ timeout: TIMEOUT });
  await two.d.shot('case');

  const claimed = await d.submit('领取', `/api/v1/admin/cases/${caseB}/claim`);
  check(claimed.status() === 200, `claim: HTTP ${claimed.status()} ${await claimed.text()}`);
  await d.role('button', '通过').waitFor({ timeout: TIMEOUT });
  await statusBecomes(page, '审核中');
  const late = await two.d.submit('领取', `/api/v1/admin/cases/${caseB}/claim`);
  check(late.status() === 409, `a second claim: HTTP ${late.status()}`);
  const lateBody = await late.json();
  check(lateBody.error.code === 'CASE_CLAIMED_BY_OTHER', `second claim: ${JSON.stringify(lateBody)}`);
  await two.d.banner(lateBody.error.message);
  await two.d.shot('claimed-by-other');
  log('409 shown to the second reviewer:', lateBody.error.message);
  await two.context.close();

  // 驳回 without a reason: the server's message under 审核意见; then with one.
  const noReason = await d.submit('驳回', `/api/v1/admin/cases/${caseB}/decision`);
  check(noReason.status() === 400, `reject without a reason: HTTP ${noReason.status()}`);
  const reasonMessage = (await noReason.json()).error.message;
  await d.mirror.getByRole('alert').filter({ hasText: reasonMessage }).first().waitFor({ timeout: TIMEOUT })
    .catch(async () => { throw new TestFailure(`no alert "${reasonMessage}"; alerts ${JSON.stringify(await d.alerts())}`); });
  await d.fill('审核意见', '手持身份证照片不清晰，请重新申诉');
  const rejected = await d.submit('驳回', `/api/v1/admin/cases/${caseB}/decision`);
  check(rejected.status() === 200, `reject: HTTP ${rejected.status()} ${await rejected.text()}`);
  await statusBecomes(page, '申诉未通过');
  check(await d.value('审核意见') === '手持身份证照片不清晰，请重新申诉', 'the reason is not shown on the decided case');
  check(await d.role('button', '通过').count() === 0, 'a decided case still offers 通过');
  await d.shot('rejected');
  // A second decision over REST: 409, the case stays as it is.
  const again = await call('POST', `/api/v1/admin/cases/${caseB}/decision`, { decision: 'approve', reason: '' },
    { Authorization: `Bearer ${await staffToken(rev2)}` });
  check(again.status === 409, `decision on a decided case: HTTP ${again.status} ${JSON.stringify(again.body)}`);

  // ---- decideOnWorkbench: case A approved by reviewer 2 (the phone moves to the appellant)
  const three = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const approved = await decideOnWorkbench(await three.newPage(), server, rev2, caseA, 'approve', '');
  check(approved.startsWith('申诉通过'), `case A after 通过: ${approved}`);
  await three.close();

  // ---- 账号冻结: the former holder found by ID number, frozen, unfrozen
  await d.press(d.role('button', '返回列表'));
  await d.tab('账号冻结');
  await d.press(d.role('radio', '证件号码'));
  await d.fill('查询内容', holder.id);
  const found = await d.submit('查询账号', '/api/v1/admin/accounts');
  check(found.status() === 200, `account search: HTTP ${found.status()} ${await found.text()}`);
  const account = (await found.json()).accounts.find((a) => a.type === 'person');
  check(account, 'the holder was not found by ID number');
  const row = d.mirror.getByRole('listitem', { name: `个人账号 ${account.name}`, exact: true });
  await row.waitFor({ timeout: TIMEOUT });
  await d.fill('操作原因', '账号存在被盗用风险');
  const frozen = await d.submit(`冻结个人账号 #${account.id}`, `/api/v1/admin/persons/${account.id}/freeze`);
  check(frozen.status() === 200, `freeze: HTTP ${frozen.status()} ${await frozen.text()}`);
  await d.banner('账号已冻结');
  check(/已冻结/.test(await row.textContent()), `the account row after freezing: ${await row.textContent()}`);
  await d.shot('frozen');
  await expectNoSeriousAxeFindings(page, 'freeze panel');
  const c = await call('GET', '/api/v1/captcha');
  const answer = (await call('GET', `/api/dev/captcha/${c.body.captcha_id}`)).body.answer;
  const signIn = await call('POST', '/api/v1/sessions', { method: 'password', identifier: holder.id, password: holder.password, captcha_id: c.body.captcha_id, captcha_answer: String(answer) });
  check(signIn.status === 403 && signIn.body.error.code === 'ACCOUNT_FROZEN', `a frozen account signs in: HTTP ${signIn.status} ${JSON.stringify(signIn.body)}`);
  await d.fill('操作原因', '核实为本人操作，解除冻结');
  const thawed = await d.submit(`解冻个人账号 #${account.id}`, `/api/v1/admin/persons/${account.id}/unfreeze`);
  check(thawed.status() === 200, `unfreeze: HTTP ${thawed.status()} ${await thawed.text()}`);
  await d.banner('账号已解冻');

  // The token never left the page's memory.
  check((await one.context.cookies()).every((k) => !/admin|staff/i.test(k.name)), 'a staff cookie was set');
  check(await page.evaluate(() => localStorage.length + sessionStorage.length) === 0, 'the staff token went to web storage');
  await d.press(d.role('button', '退出登录'));
  await d.heading('工作人员登录');
  await d.mirror.getByRole('alert').filter({ hasText: '已退出登录' }).first().waitFor({ timeout: TIMEOUT });
  check(one.errors.length === 0, `page errors: ${one.errors.join('; ')}`);
  await one.context.close();

  // ---- Keyboard alone: sign in, open case C, claim, reject with a reason
  const kb = await openWorkbench(browser, server, { viewport: { width: 1280, height: 800 } }, 'keyboard');
  const kp = kb.page;
  await kp.keyboard.press('Tab');
  await kp.waitForFunction(() => document.querySelector('#uia-a11y [data-focused=true]')?.getAttribute('aria-label') === '用户名', null, { timeout: TIMEOUT })
    .catch(async () => { throw new TestFailure(`Tab focused ${await focusedLabel(kp)}, not 用户名`); });
  await kp.keyboard.insertText(rev1.username);
  await kp.keyboard.press('Tab');
  await keyTo(kp, 'textbox', '密码', 'Tab', 3);
  await kp.keyboard.insertText(rev1.password);
  const kSignIn = kp.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/admin/sessions', { timeout: TIMEOUT });
  await kp.keyboard.press('Enter');
  check((await kSignIn).status() === 201, 'keyboard sign-in refused');
  await kb.d.heading('审核工作台');
  await kb.d.mirror.getByRole('listitem', { name: caseC, exact: true }).waitFor({ timeout: TIMEOUT });
  await keyTo(kp, 'button', `查看 ${caseC}`, 'ArrowDown', 80);
  await kb.d.shot('keyboard-list');
  await kp.keyboard.press('Space');
  await kb.d.mirror.locator(`[role=textbox][aria-label="案件编号"][data-value="${caseC}"]`).waitFor({ timeout: TIMEOUT });
  await keyTo(kp, 'button', '领取', 'ArrowDown', 80);
  const kClaim = kp.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/admin/cases/${caseC}/claim`, { timeout: TIMEOUT });
  await kp.keyboard.press('Space');
  check((await kClaim).status() === 200, 'keyboard claim refused');
  await kb.d.role('button', '通过').waitFor({ timeout: TIMEOUT });
  await keyTo(kp, 'textbox', '审核意见', 'Tab', 40);
  await kp.keyboard.insertText('身份证号码与照片不一致');
  await kp.keyboard.press('Enter');  // leaves the field, keeps the text
  await keyTo(kp, 'button', '通过', 'ArrowDown', 10);
  await keyTo(kp, 'button', '驳回', 'ArrowRight', 3);
  await kb.d.shot('keyboard-decide');
  const kDecide = kp.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/admin/cases/${caseC}/decision`, { timeout: TIMEOUT });
  await kp.keyboard.press('Space');
  const kDecided = await kDecide;
  check(kDecided.status() === 200 && JSON.parse(kDecided.request().postData()).decision === 'reject',
    `keyboard reject: HTTP ${kDecided.status()} ${await kDecided.text()}`);
  await statusBecomes(kp, '申诉未通过');
  check(await shownStatus(kb.d) === '申诉未通过', 'keyboard: status not shown');
  log('keyboard alone: signed in, opened, claimed and rejected', caseC);
  await kb.context.close();
});
