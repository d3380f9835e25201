// The class report page (`class-report --html`) in Debian's headless chromium: it renders with
// no network request and no script, shows the student count, the seven invariants and its
// charts, the designs table with a row per student, and count axes with no fractional tick, and
// is saved as a screenshot.
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
check(boxes.length >= 5 && boxes.every(([w, h]) => w > 100 && h > 100), `five or more charts drawn (${JSON.stringify(boxes)})`);
// The designs table: a header and one row per student.
const rows = await page.$$eval('#designs tr', (els) => els.length);
check(rows === Number(expected) + 1, `the designs table has a row per student (${rows - 1})`);
check(await page.$('#choices') !== null, 'the choices table is there');
// Every number drawn in a chart but the radar (a percentage scale) is a whole number of students.
const ticks = await page.$$eval('svg', (els) => els.slice(1).flatMap((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent.trim())));
const numbers = ticks.filter((t) => /^-?[0-9.]+$/.test(t));
check(numbers.length > 0 && numbers.every((t) => /^[0-9]+$/.test(t)), `count ticks are whole numbers (${numbers.join(' ')})`);
const counted = (await page.textContent('#weakest-counted')).trim();
check(/^Counted [0-9]+ of [0-9]+ students/.test(counted), `the weakest-invariant chart says whom it counts (${counted})`);
await page.screenshot({ path: shot, fullPage: true });
console.log(`screenshot: ${shot}`);
await browser.close();
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
