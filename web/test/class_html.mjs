// The class report page (`class-report --html`) in Debian's headless chromium: it renders with
// no network request and no script, shows the student count, the seven invariants and its
// charts, and is saved as a screenshot.
// Usage: node class_html.mjs PAGE.html EXPECTED_STUDENTS OUT.png
import { chromium } from 'playwright-core';
import path from 'node:path';

const [page_, expected, shot] = process.argv.slice(2);
const file = 'file://' + path.resolve(page_);
const INVARIANTS = ['Iron Law', 'Memory Wall', 'Amdahl', 'Roofline', "Little's Law", 'Drift', 'Fairness'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) { passed += 1; console.log(`ok - ${what}`); } else { failures.push(what); console.log(`not ok - ${what}`); } };

const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
const page = await context.newPage();
const requests = [];
page.on('request', (r) => { if (r.url() !== file) requests.push(r.url()); });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
const resp = await page.goto(file, { waitUntil: 'load' });
check(resp === null || resp.ok(), 'the page loads');
check(requests.length === 0, `no request beyond the page itself (${requests.join(', ')})`);
check(errors.length === 0, `no page error (${errors.join('; ')})`);
const n = (await page.textContent('#n-students')).trim();
check(n === expected, `the student count reads ${expected} (${n})`);
const body = await page.textContent('body');
for (const name of INVARIANTS) check(body.includes(name), `shows ${name}`);
const boxes = await page.$$eval('svg', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
check(boxes.length >= 3 && boxes.every(([w, h]) => w > 100 && h > 100), `three or more charts drawn (${JSON.stringify(boxes)})`);
await page.screenshot({ path: shot, fullPage: true });
console.log(`screenshot: ${shot}`);
await browser.close();
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
