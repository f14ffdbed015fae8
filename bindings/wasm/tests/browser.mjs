// The page (bindings/wasm/web) in a real browser: headless Chromium from
// the system (Debian's `chromium`; $BONTOT_CHROMIUM overrides the path)
// driven by puppeteer-core, which downloads no browser of its own. The page
// is served by web/serve.mjs on 127.0.0.1 (a free port). The test opens the
// reference example, checks the verdict; opens a failing record through the
// file input and checks a gap sentence; switches the language; opens a bad
// file and checks the path shown; and saves screenshots under
// target/browser/ for a person to look at.
//
// Run from the repository root after bindings/wasm/build.sh and
// `npm ci --prefix bindings/wasm/tests`:
//   node --test bindings/wasm/tests/browser.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serve } from '../web/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const out = path.join(root, 'target', 'browser');
mkdirSync(out, { recursive: true });

/** The chromium executable: $BONTOT_CHROMIUM, else `chromium` on PATH. */
function chromium() {
  if (process.env.BONTOT_CHROMIUM) return process.env.BONTOT_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  throw new Error('chromium not found on PATH (apt-get install -y chromium), or set BONTOT_CHROMIUM');
}

let server;
let browser;
let page;
const problems = [];

before(async () => {
  server = await serve({ root: path.resolve(here, '../web') });
  browser = await puppeteer.launch({
    executablePath: chromium(),
    headless: true,
    // Root (CI's containers) cannot use the sandbox; nothing from outside
    // 127.0.0.1 is loaded.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      problems.push(`request outside the page's host: ${r.url()}`);
    }
  });
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (selector) => page.$eval(selector, (el) => el.textContent ?? '');
const visible = (selector) => page.$eval(selector, (el) => !el.closest('[hidden]'));

async function chooseFile(file) {
  const input = await page.$('#file');
  await input.uploadFile(file);
}

async function setLang(lang) {
  await page.click(`input[name=lang][value=${lang}]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, {}, lang);
}

test('the page loads the module and offers the example', async () => {
  assert.equal(await page.$eval('#example', (b) => b.disabled), false);
  assert.match(await text('#version'), /^\d+\.\d+\.\d+/);
});

test('the reference example is achieved', async () => {
  await page.click('#example');
  await page.waitForFunction(() => document.querySelector('#verdict')?.dataset.verdict === 'achieved');
  assert.equal((await text('#verdict')).trim(), 'Đạt');
  assert.ok(await visible('#results'));
  assert.equal(await page.$$eval('#criteria li', (l) => l.length), 4);
  assert.equal(await page.$$eval('#months-body tr', (r) => r.length), 12);
  assert.equal(await page.$$eval('#months thead th[scope=col]', (r) => r.length), 7);
  assert.match(await text('#status'), /hồ sơ mẫu/);
  await page.screenshot({ path: path.join(out, 'example.png'), fullPage: true });
});

test('a failing record shows its gaps in the renderer’s words', async () => {
  await chooseFile(path.join(root, 'examples/cell-year-failing.json'));
  await page.waitForFunction(() => document.querySelector('#verdict')?.dataset.verdict === 'not_achieved');
  assert.equal((await text('#verdict')).trim(), 'Không đạt');
  const failing = await text('#failing');
  assert.ok(failing.includes('→ tối đa 5 học sinh bỏ học: giảm 1'), failing);
  assert.ok(failing.includes('edu.dropout'));
  // The month with a failed vote (November, political task) is marked.
  const nov = await page.$eval('#months-body tr:nth-child(11) td.vote.fail', (td) => td.textContent);
  assert.match(nov, /12\/24/);
  assert.ok((await text('#process')).includes('02/05/2024'));
  await page.screenshot({ path: path.join(out, 'page.png'), fullPage: true });
});

test('the language switch renders the report in English', async () => {
  await setLang('en');
  assert.equal((await text('#verdict')).trim(), 'Not achieved');
  const failing = await text('#failing');
  assert.ok(failing.includes('→ at most 5 dropouts: 1 fewer'), failing);
  // The months behind a check, from the report, under the check.
  assert.ok(await page.$eval('[data-check="meeting_quality.monthly_held"]', (li) => li.textContent.includes('Months: 7')));
  assert.ok((await text('#report')).includes('Verdict: Not achieved'));
  assert.equal(await page.$eval('#report', (el) => el.lang), 'en');
  assert.equal((await text('#months-head')).includes('Political task'), true);
  await page.screenshot({ path: path.join(out, 'page-en.png'), fullPage: true });
  await setLang('vi');
  assert.ok((await text('#report')).includes('Kết quả: Không đạt'));
});

test('the assessment downloads as JSON', async () => {
  const href = await page.evaluate(() => {
    let seen = null;
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click() {
      seen = { download: this.download, href: this.href };
    };
    document.querySelector('#download').click();
    HTMLAnchorElement.prototype.click = original;
    return seen;
  });
  assert.equal(href.download, 'assessment-2024.json');
  const body = await page.evaluate((url) => fetch(url).then((r) => r.text()), href.href);
  assert.equal(JSON.parse(body).verdict, 'not_achieved');
});

test('a bad file shows the field’s path, in words', async () => {
  const record = JSON.parse(readFileSync(path.join(root, 'examples/cell-year-2024.json'), 'utf8'));
  record.meetings[3].attendance.present -= 1;
  const bad = path.join(out, 'bad-attendance.json');
  writeFileSync(bad, JSON.stringify(record, null, 2));
  await chooseFile(bad);
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await text('#error-path'), 'meetings[3].attendance');
  assert.equal(await text('#error-kind'), 'attendance_mismatch');
  assert.equal(await text('#error-words'), 'trường “meetings” → mục thứ 4 → trường “attendance”');
  assert.equal(await text('#error-file'), 'bad-attendance.json');
  assert.equal(await page.$eval('#error', (el) => el.getAttribute('role')), 'alert');
  assert.equal(await visible('#results'), false);
  await setLang('en');
  assert.equal(await text('#error-words'), 'field “meetings” → entry 4 → field “attendance”');
  await page.screenshot({ path: path.join(out, 'error.png'), fullPage: true });
  await setLang('vi');

  const unknown = path.join(out, 'bad-unknown-field.json');
  writeFileSync(unknown, JSON.stringify({ ...record, colour: 'red' }));
  await chooseFile(unknown);
  await page.waitForFunction(() => document.querySelector('#error-path')?.textContent === 'colour');
});

test('on a phone, keyboard only, offline once loaded', async () => {
  // A page of its own: a mobile viewport is set before loading.
  const phone = await browser.newPage();
  phone.on('pageerror', (e) => problems.push(`page error (phone): ${e.message}`));
  await phone.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(server.url, { waitUntil: 'load' });
  await phone.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  await phone.setOfflineMode(true);
  // Tab to the example button and press Enter: no mouse, no network.
  await phone.focus('#file');
  await phone.keyboard.press('Tab');
  assert.equal(await phone.evaluate(() => document.activeElement?.id), 'example');
  await phone.keyboard.press('Enter');
  await phone.waitForFunction(() => document.querySelector('#verdict')?.dataset.verdict === 'achieved');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await phone.screenshot({ path: path.join(out, 'phone.png'), fullPage: true });
  await phone.close();
});

test('every control is labelled', async () => {
  const unlabelled = await page.$$eval('input, button, select, textarea', (els) =>
    els.filter((el) => !(el.labels?.length || el.textContent?.trim() || el.getAttribute('aria-label'))).map((el) => el.outerHTML),
  );
  assert.deepStrictEqual(unlabelled, []);
  assert.equal(await page.$eval('#summary', (el) => el.getAttribute('aria-live')), 'polite');
  assert.equal(await page.$eval('#status', (el) => el.getAttribute('aria-live')), 'polite');
});

test('no page error, no console error, nothing fetched from elsewhere', () => {
  assert.deepStrictEqual(problems, []);
});
