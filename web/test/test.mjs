// Browser test of web/dist: serves it on localhost and loads it in Debian's headless chromium
// (WebGL through SwiftShader). It waits on the game's own signals (its log lines: first frame,
// phases, picks, ledger loads, import previews; downloads; frames), never on fixed sleeps.
// - The main page: first frame and download progress; keyboard-only play through both acts;
//   a screenshot with the four tier colours; E exports the ledger as a download; the ledger and
//   the projector preference survive a reload; a ledger picked through the file input is
//   previewed without touching storage; the class view reads a class through its file input
//   and stores nothing.
// - WebGL 2 missing: the page says so.
// - Inside an 800x600 iframe: the game fills it, follows a resize, and plays.
// - ?demo=1 plays both acts and writes nothing to storage.
// - Storage that throws: the game still plays, and says progress will not be saved.
// - ?projector=1 in Act II, failing: a screenshot with the non-colour status cues.
// - An upright touch tablet: touch-sized controls, the world above the panel, a tap on Begin.
// - Both acts by touch alone on a tablet both ways and a phone: taps, a dragged panel and slider,
//   and on the phone a tier's readout opened by a tap.
// Fails on any panic or console error. Prints the time from navigation to the first frame.
import { launch, serve } from './serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || '../dist');
const shots = path.resolve(process.argv[3] || '.');
fs.mkdirSync(shots, { recursive: true });
// The game's tier colours (src/theme.rs TIER_HEX).
const TIERS = { Cloud: [0x71, 0x61, 0xff], Edge: [0xa2, 0x2c, 0x2b], Mobile: [0xc9, 0x58, 0x0a], Tiny: [0x01, 0x91, 0x59] };
const { server, base } = await serve(dist);

const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) { passed += 1; console.log(`ok - ${what}`); } else { failures.push(what); console.log(`not ok - ${what}`); } };

const browser = await launch();

// One page and what it says: its log lines, its errors, and waits on them.
const FRAME_MS = 16;
async function open(context, { expectErrors = [] } = {}) {
  const page = await context.newPage();
  // The page-side finder of a mirrored element, by its name and role (a radio by the start of
  // its name, as its letter): both the screen-reader block and the touch block use it.
  await page.addInitScript(() => {
    window.mirrored = (name, role) => {
      const own = (el) => el.getAttribute('aria-label') || (el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild.data : '');
      const named = (e) => (role === 'radio' ? own(e).startsWith(name) : own(e) === name);
      const kind = (e) => (e.type === 'range' ? 'slider' : e.getAttribute('role') || e.tagName.toLowerCase());
      return [...document.querySelectorAll('#a11y-mirror [data-node]')].find((e) => named(e) && kind(e) === role) || null;
    };
  });
  const t = { page, logs: [], all: [], errors: [], requests: [] };
  page.on('request', (r) => t.requests.push(r.url()));
  const benign = (x) => x.includes('Using exceptions for control flow') || expectErrors.some((e) => x.includes(e));
  page.on('console', (m) => {
    const x = m.text();
    t.logs.push(x);
    t.all.push(x);
    if (m.type() === 'error' && !benign(x)) t.errors.push(x);
  });
  page.on('pageerror', (e) => { if (!benign(String(e))) t.errors.push(String(e)); });
  // Wait for a log line containing `needle`, among those after `since` (an index into logs).
  t.waitLog = async (needle, ms, since = 0) => {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      if (t.logs.slice(since).some((l) => l.includes(needle))) return true;
      if (t.errors.length) return false;
      await page.waitForTimeout(FRAME_MS);
    }
    return false;
  };
  // Press a key, then wait for the line it should cause.
  t.pressFor = async (key, needle, ms = 20000) => {
    const mark = t.logs.length;
    await page.keyboard.press(key);
    return t.waitLog(needle, ms, mark);
  };
  // Let the page draw `n` more frames.
  t.frames = (n) => page.evaluate((k) => new Promise((r) => {
    const step = (i) => (i <= 0 ? r() : requestAnimationFrame(() => step(i - 1)));
    step(k);
  }), n);
  t.storage = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  return t;
}

const main = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
const m = await open(main);
const page = m.page;

const t0 = Date.now();
await page.goto(base);
const first = await m.waitLog('architects-audit: first frame', 120000);
const firstMs = Date.now() - t0;
check(first, 'first frame logged');
console.log(`time from navigation to first frame: ${firstMs} ms`);
check(await page.locator('#loading').count() === 0, 'loading indicator removed');
// The progress bar counted the whole wasm, against the size build.sh wrote into the page.
const [downloaded, expected] = await page.evaluate(() => [window.__aaDownloaded, Number(document.documentElement.dataset.wasmBytes)]);
check(expected > 0 && downloaded === expected, `download progress counted ${downloaded} of ${expected} bytes`);

// Keyboard only, through both acts: Enter begins Act I, A chooses, Enter locks.
await page.locator('#game').focus();
check(await m.pressFor('Enter', 'phase Act1Predict'), 'Enter begins Act I');
check(await m.pressFor('a', 'picked MemoryBw'), 'A chooses the first answer');
check(await m.pressFor('Enter', 'phase Act1Report'), 'the prediction lock opens the report card');

await m.frames(10);
const png = path.join(shots, 'web-act1-report.png');
await page.screenshot({ path: png });
const seen = tierColours(fs.readFileSync(png));
for (const [name, n] of Object.entries(seen)) check(n > 50, `screenshot shows the ${name} colour (${n} samples)`);

// Finish Act II so the ledger has a chapter 16.
check(await m.pressFor('Enter', 'phase Act2Brief'), 'Enter moves on to Act II');
check(await m.pressFor('d', 'picked TinyOom'), 'D chooses the fourth answer');
check(await m.pressFor('Enter', 'phase Act2Design'), 'the Act II lock opens the instruments');
// Enter asks first; the confirmation's focus starts on "Keep designing", so Tab to "Submit"
// and Enter submit the design (chapter 16 goes to the ledger).
const askMark = m.logs.length;
check(await m.pressFor('Enter', 'submit asks first'), 'Enter opens the submit confirmation');
await m.frames(10);
check(!m.logs.slice(askMark).some((l) => l.includes('phase Act2Reveal')), 'Enter alone does not submit');
await page.keyboard.press('Tab');
await m.frames(5);
check(await m.pressFor('Enter', 'phase Act2Reveal'), 'Tab to Submit, then Enter, submits the design');

// E exports the ledger as a download.
const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }).catch(() => null), page.keyboard.press('e')]);
check(download !== null, 'E offers the ledger as a download');
if (download) {
  const text = fs.readFileSync(await download.path(), 'utf8');
  let exported = null;
  try { exported = JSON.parse(text); } catch { /* checked below */ }
  check(download.suggestedFilename().endsWith('.json') && exported && JSON.stringify(exported.history || '').includes('16'),
    `the download is the ledger with chapter 16 (${download.suggestedFilename()})`);
}

await page.keyboard.press('p'); // projector profile: remembered apart from the ledger
// Frames are slow under SwiftShader: wait, a frame at a time, until the preference is written.
for (let i = 0; i < 1200; i++) {
  const saved = await page.evaluate(() => Object.entries(localStorage).some(([k, v]) => k.includes('prefs/v1') && v.includes('true')));
  if (saved) break;
  await page.waitForTimeout(FRAME_MS);
}
const keys = await page.evaluate(() => Object.keys(localStorage));
check(keys.some((k) => k.includes('ledger/v2')), `the ledger is in localStorage (${keys.join(', ')})`);
m.logs.length = 0;
await page.reload();
check(await m.waitLog('architects-audit: first frame', 120000), 'first frame after reload');
check(m.logs.some((l) => l.includes('ledger loaded') && l.includes('16')), 'the ledger with chapter 16 survived the reload');
const prefs = await page.evaluate(() => {
  const k = Object.keys(localStorage).find((k) => k.includes('prefs/v1'));
  return k ? localStorage.getItem(k) : null;
});
check(prefs !== null && prefs.includes('true'), `the projector preference survived the reload (${prefs})`);

// Import through the file picker: the picked ledger is previewed; nothing is stored until the
// student confirms.
const beforeImport = await m.storage();
await page.setInputFiles('#ledger-file', path.resolve('../../assets/ledgers/strong.json'));
check(await m.waitLog('import preview from strong.json: 15 entries', 30000), 'a ledger picked through the file input is previewed (15 entries)');
check(await m.storage() === beforeImport, 'the preview wrote nothing to storage');
// Confirm it from the keyboard where the preview is shown, Act I's question: with an answer
// chosen, Tab to "Replace my ledger"; Enter presses that button only (it does not also lock).
check(await m.pressFor('Enter', 'phase Act1Predict'), 'Enter begins Act I, where the preview is shown');
check(await m.pressFor('a', 'picked MemoryBw'), 'A chooses an answer');
let reached = false;
for (let i = 0; i < 60 && !reached; i++) {
  const mark = m.logs.length;
  await page.keyboard.press('Tab');
  if (!(await m.waitLog('architects-audit: focus ', 20000, mark))) break;
  reached = m.logs.slice(mark).some((l) => l.includes('focus Replace my ledger'));
}
check(reached, 'Tab reaches "Replace my ledger"');
const enterMark = m.logs.length;
check(await m.pressFor('Enter', 'import applied (replace) from strong.json: 15 entries, backup', 30000),
  'Enter on it replaces the ledger with the 15 imported entries, after a backup');
await m.frames(5);
check(!m.logs.slice(enterMark).some((l) => l.includes('phase Act1Report')), 'the same Enter did not also lock the answer');
const backups = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('ledger/backup/')).map(([, v]) => v));
check(backups.some((v) => v.includes('before import (replace) from strong.json') && v.includes('16')),
  `the ledger it replaced, with chapter 16, is kept as a backup (${backups.length} backups)`);

// The instructor's class view: ?class=1, a class's ledgers through the page's file input;
// it writes nothing to storage.
const stored = await m.storage();
m.logs.length = 0;
await page.goto(base + '?class=1');
check(await m.waitLog('architects-audit: first frame', 120000), 'first frame of the class view');
const fixtures = path.resolve('../../tests/fixtures/class');
await page.setInputFiles('#class-files', ['alice.json', 'dan.json', 'broken.json', 'section-b/carol.json', 'section-b/class-b.jsonl']
  .map((f) => path.join(fixtures, f)));
check(await m.waitLog('class view: 5 students, 2 unreadable', 30000), 'the picked ledgers make a class of 5, 2 unreadable');
await m.frames(10);
await page.screenshot({ path: path.join(shots, 'web-class-view.png') });
check(await m.storage() === stored, 'the class view wrote nothing to storage');
check(m.errors.length === 0, `no console errors or panics (${m.errors.slice(0, 3).join(' | ')})`);
check(!m.requests.some((u) => u.includes('NotoSansSC-Regular')), 'an English browser never fetches the Chinese font');
if (failures.length) console.log('--- console ---\n' + m.all.slice(-60).join('\n'));
// One WebGL page at a time from here on: two share the CI machine's two cores.
await main.close();

// WebGL 2 missing: the page says so instead of a blank canvas.
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await ctx.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : get.call(this, kind, ...rest);
    };
  });
  const w = await open(ctx, { expectErrors: ['WebGL2 unavailable'] });
  await w.page.goto(base);
  const shown = await w.page.waitForSelector('#nowebgl', { state: 'visible', timeout: 20000 }).then(() => true, () => false);
  const said = shown ? await w.page.locator('#nowebgl').innerText() : '';
  check(shown && said.includes('WebGL 2 is not available'), 'without WebGL 2 the page says so');
  check(await w.page.locator('#loading').count() === 0, 'and drops the loading indicator');
  await w.page.screenshot({ path: path.join(shots, 'web-no-webgl2.png') });
  await ctx.close();
}

// Embedded in an 800x600 iframe, as a course site does: it fills the frame, follows a resize,
// and plays.
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const f = await open(ctx);
  await f.page.goto(base + '__embed.html');
  check(await f.waitLog('architects-audit: first frame', 120000), 'first frame inside the iframe');
  const frame = f.page.frames().find((x) => x !== f.page.mainFrame());
  const size = () => frame.evaluate(() => { const c = document.getElementById('game'); return [c.width, c.height]; });
  const fits = async (w, h) => {
    for (let i = 0; i < 1200; i++) {
      const [cw, ch] = await size();
      if (cw === w && ch === h) return true;
      await f.page.waitForTimeout(FRAME_MS);
    }
    return false;
  };
  check(await fits(800, 600), `the canvas fills the 800x600 iframe (${(await size()).join('x')})`);
  await frame.locator('#game').focus();
  check(await f.pressFor('Enter', 'phase Act1Predict'), 'Enter begins Act I inside the iframe');
  await f.frames(10);
  await f.page.screenshot({ path: path.join(shots, 'web-iframe-800x600.png'), clip: { x: 0, y: 0, width: 800, height: 600 } });
  await f.page.evaluate(() => { const el = document.getElementById('lab'); el.style.width = '1024px'; el.style.height = '640px'; });
  check(await fits(1024, 640), `and follows a resize to 1024x640 (${(await size()).join('x')})`);
  await f.frames(10);
  await f.page.screenshot({ path: path.join(shots, 'web-iframe-1024x640.png'), clip: { x: 0, y: 0, width: 1024, height: 640 } });
  check(f.errors.length === 0, `no errors inside the iframe (${f.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// ?demo=1 plays both acts, submits its design, and writes nothing to storage.
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const d = await open(ctx);
  await d.page.goto(base + '?demo=1');
  check(await d.waitLog('architects-audit: first frame', 120000), 'first frame of the demo');
  const t1 = Date.now();
  const played = await d.waitLog('phase Act2Reveal', 240000);
  check(played, `the demo plays through to its submitted design (${Math.round((Date.now() - t1) / 1000)} s)`);
  if (!played) console.log(d.all.filter((l) => l.includes('phase') || l.includes('demo')).join('\n'));
  const left = await d.storage();
  check(left === '[]', `the demo wrote nothing to storage (${left.slice(0, 120)})`);
  check(d.errors.length === 0, `no errors in the demo (${d.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// Storage that throws (a sandboxed iframe, a strict privacy mode): the game plays and says that
// progress will not be saved.
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await ctx.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const b = await open(ctx);
  await b.page.goto(base);
  check(await b.waitLog('architects-audit: first frame', 120000), 'first frame with storage blocked');
  check(b.logs.some((l) => l.includes('progress will not be saved')), 'it says progress will not be saved');
  await b.page.locator('#game').focus();
  check(await b.pressFor('Enter', 'phase Act1Predict'), 'and still plays: Enter begins Act I');
  await b.frames(10);
  await b.page.screenshot({ path: path.join(shots, 'web-storage-blocked.png') });
  check(b.errors.length === 0, `no errors with storage blocked (${b.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// The projector profile (?projector=1) in Act II with the course's failing default design: a
// screenshot with the status marks and particle shapes that do not rely on colour.
{
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const j = await open(ctx);
  await j.page.goto(base + '?projector=1');
  check(await j.waitLog('architects-audit: first frame', 120000), 'first frame on the projector profile');
  await j.page.locator('#game').focus();
  let ok = await j.pressFor('Enter', 'phase Act1Predict');
  ok = ok && await j.pressFor('a', 'picked MemoryBw') && await j.pressFor('Enter', 'phase Act1Report');
  ok = ok && await j.pressFor('Enter', 'phase Act2Brief') && await j.pressFor('d', 'picked TinyOom');
  ok = ok && await j.pressFor('Enter', 'phase Act2Design');
  check(ok, 'the keyboard reaches Act II on the projector profile');
  await j.frames(60);
  const shot = path.join(shots, 'web-act2-fail-projector.png');
  await j.page.screenshot({ path: shot });
  const tiers = tierColours(fs.readFileSync(shot));
  check(Object.values(tiers).every((n) => n > 50), `the projector screenshot shows the four tiers (${JSON.stringify(tiers)})`);
  check(j.errors.length === 0, `no errors on the projector profile (${j.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// A screen reader on the web: the accessibility tree Chromium builds from the mirror (read
// through the DevTools protocol, as assistive technology gets it), and both acts played with
// the mirror's elements alone: DOM clicks and input values, never canvas coordinates.
{
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const a = await open(ctx);
  await a.page.goto(base);
  check(await a.waitLog('architects-audit: first frame', 120000), 'first frame for the screen reader');
  const ax = async () => {
    const cdp = await ctx.newCDPSession(a.page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const out = nodes.filter((n) => !n.ignored).map((n) => ({
      role: n.role?.value, name: n.name?.value || '', value: n.value?.value,
      props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value?.value])),
      below: () => {
        const all = [];
        const walk = (x) => (x.childIds || []).map((c) => byId.get(c)).filter(Boolean).forEach((k) => { all.push(k); walk(k); });
        walk(n);
        return all;
      },
    }));
    return out;
  };
  const find = (tree, role, name) => tree.find((n) => n.role === role && (name === undefined || n.name.startsWith(name)));
  // Press the mirrored element named `name` (a DOM click, as a screen reader's "press").
  // A radio answer by its letter ("A)"), anything else by its whole name.
  const press = (name, role) => a.page.evaluate(([nm, rl]) => {
    const el = window.mirrored(nm, rl);
    if (el) el.click();
    return el !== null;
  }, [name, role]);
  const pressFor = async (name, role, needle) => {
    const mark = a.logs.length;
    for (let i = 0; i < 100 && !(await press(name, role)); i++) await a.frames(2);
    return a.waitLog(needle, 20000, mark);
  };
  await a.frames(10);
  let tree = await ax();
  check(find(tree, 'heading', 'The Architect') !== undefined, 'the introduction has its heading');
  check(find(tree, 'main') !== undefined, 'the panel is a landmark');
  check(await pressFor('Begin Act I', 'button', 'phase Act1Predict'), 'pressing the mirrored Begin starts Act I');
  await a.frames(5);
  tree = await ax();
  const group = find(tree, 'radiogroup');
  const radios = group ? group.below().filter((k) => !k.ignored && k.role?.value === 'radio') : [];
  const names = radios.map((r) => r.name?.value || '').sort();
  check(group && group.name.includes('underestimate'), `the Act I question is a radio group (${group && group.name})`);
  check(names.length === 4 && ['A)', 'B)', 'C)', 'D)'].every((l, i) => names[i].startsWith(l)), `with its four named answers (${names.map((n) => n.slice(0, 3)).join(' ')})`);
  check(find(tree, 'button', 'Lock my prediction') !== undefined, 'and the lock button');
  // Focus in step: the page's focus on a mirrored answer is egui's focus, and Tab in the
  // mirror moves both to the next answer.
  let mark = a.logs.length;
  await a.page.evaluate(() => [...document.querySelectorAll('#a11y-mirror [role=radio]')].find((e) => e.firstChild?.data?.startsWith('B)')).focus());
  check(await a.waitLog('focus B)', 10000, mark), 'focusing a mirrored answer focuses it in the game');
  mark = a.logs.length;
  await a.page.keyboard.press('Tab');
  check(await a.waitLog('focus C)', 10000, mark), 'Tab in the mirror moves the game\'s focus to the next answer');
  check(await a.page.evaluate(() => document.activeElement?.firstChild?.data?.startsWith('C)')), 'and the page\'s focus is on it');
  mark = a.logs.length;
  await a.page.keyboard.press('Space');
  check(await a.waitLog('picked SerialFraction', 10000, mark), 'Space on the focused mirrored answer chooses it');
  check(await pressFor('A)', 'radio', 'picked MemoryBw'), 'pressing a mirrored answer chooses it');
  await a.frames(5);
  tree = await ax();
  const chosen = find(tree, 'radio', 'A)');
  check(chosen && chosen.props.checked === 'true', `the chosen answer reads as checked (${chosen && chosen.props.checked})`);
  check(await pressFor('Lock my prediction', 'button', 'phase Act1Report'), 'the mirrored lock opens the report card');
  check(await pressFor('On to Act II', 'button', 'phase Act2Brief'), 'on to Act II');
  check(await pressFor('D)', 'radio', 'picked TinyOom'), 'the Act II answer');
  check(await pressFor('Lock my prediction', 'button', 'phase Act2Design'), 'the Act II lock opens the design');
  const designMark = a.logs.length;
  await a.frames(30);
  tree = await ax();
  const gpus = find(tree, 'slider', 'H100 GPUs');
  check(gpus && String(gpus.value) === '2', `the GPU slider is named, with its value (${gpus && gpus.value})`);
  check(find(tree, 'StaticText', 'TinyML SRAM overflow') !== undefined || tree.some((n) => n.name.includes('TinyML SRAM overflow')), 'the failure banners are in the tree');
  const live = (which) => a.page.evaluate((w) => document.getElementById(`a11y-live-${w}`)?.textContent || '', which);
  check((await live('assertive')).includes('TinyML SRAM overflow'), `a failure is announced assertively (${(await live('assertive')).slice(0, 80)})`);
  // A design change by the mirrored slider: the world is said again a moment later.
  const politeBefore = await live('polite');
  await a.page.evaluate(() => {
    const el = [...document.querySelectorAll('#a11y-mirror input[type=range]')].find((e) => e.getAttribute('aria-label') === 'H100 GPUs');
    el.value = '12';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  let said = '';
  for (let i = 0; i < 300 && !(said && said !== politeBefore); i++) { await a.frames(2); said = await live('polite'); }
  check(said.includes('TinyML') && said.includes('out of memory'), `after the change the live region names the failing tier (${said.slice(0, 160)})`);
  tree = await ax();
  const gpus12 = find(tree, 'slider', 'H100 GPUs');
  check(gpus12 && String(gpus12.value) === '12', `the slider's new value reached the game (${gpus12 && gpus12.value})`);
  // The mirror's cost on the Act II design screen, with the live instruments running.
  await a.waitLog('a11y mirror', 60000, designMark);
  const designCost = a.logs.slice(designMark).filter((l) => l.includes('a11y mirror')).map((l) => l.match(/mirror ([0-9.]+) ms a frame over \d+ frames, (\d+ nodes \([^)]*\))/)).filter(Boolean);
  console.log(`a11y mirror on the Act II design screen: ${designCost.map((c) => `${c[1]} ms a frame, ${c[2]}`).join('; ')}`);
  check(designCost.length > 0, 'the mirror measured its cost a frame on the design screen');
  const askMark = a.logs.length;
  check(await press('Submit this design', 'button'), 'the mirrored submit button is pressed');
  await a.frames(20);
  tree = await ax();
  check(find(tree, 'dialog') !== undefined && !a.logs.slice(askMark).some((l) => l.includes('phase Act2Reveal')), 'it asks first, in a dialog');
  check(await pressFor('Submit', 'button', 'phase Act2Reveal'), 'the mirrored confirmation submits: the reveal');
  await a.frames(10);
  tree = await ax();
  const verdict = await live('polite');
  check(verdict.includes('Some constraints are violated'), `the verdict is announced (${verdict.slice(0, 80)})`);
  check(tree.some((n) => n.name.startsWith('Some constraints are violated')), 'the verdict is in the tree');
  check((await a.page.title()).startsWith('Act II'), `the page title follows the phase (${await a.page.title()})`);
  check(a.errors.length === 0, `no errors with the mirror (${a.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// The language: a browser set to Chinese gets the lab in Chinese, and only then fetches the
// Chinese font; ?lang=es chooses Spanish whatever the browser's language.
{
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const z = await open(ctx);
  await z.page.goto(base);
  check(await z.waitLog('architects-audit: first frame', 120000), 'first frame in a Chinese browser');
  check(await z.waitLog('architects-audit: language zh-CN', 10000), 'a Chinese browser gets the lab in Chinese');
  check(await z.waitLog('the Chinese font is loaded', 30000), 'the Chinese font is fetched and loaded');
  check(z.requests.some((u) => u.endsWith('/fonts/NotoSansSC-Regular.subset.otf')), 'the Chinese font is its own file');
  await z.frames(10);
  check((await z.page.title()).includes('机器学习系统'), `the page title is Chinese (${await z.page.title()})`);
  await z.page.screenshot({ path: path.join(shots, 'web-intro-zh-CN.png') });
  check(z.errors.length === 0, `no errors in Chinese (${z.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
  const ctx2 = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const s = await open(ctx2);
  await s.page.goto(base + '?lang=es');
  check(await s.waitLog('architects-audit: first frame', 120000), 'first frame with ?lang=es');
  check(await s.waitLog('architects-audit: language es', 10000), '?lang=es chooses Spanish over the browser\'s Chinese');
  await s.frames(10);
  check((await s.page.title()).includes('Laboratorio 16'), `the page title is Spanish (${await s.page.title()})`);
  check(!s.requests.some((u) => u.includes('NotoSansSC-Regular')), 'Spanish does not fetch the Chinese font');
  await ctx2.close();
}

// A tablet held upright, by touch: controls sized for a finger, the world above the panel, and
// a tap presses a button.
{
  const ctx = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const t = await open(ctx);
  await t.page.goto(base);
  check(await t.waitLog('architects-audit: first frame', 120000), 'first frame on an upright touch tablet');
  check(t.logs.some((l) => l.includes('touch-sized controls')), 'a coarse pointer gets touch-sized controls');
  await t.frames(10);
  const shot = path.join(shots, 'web-tablet-touch.png');
  await t.page.screenshot({ path: shot });
  // The world is the top of the window: all four tiers in its upper half.
  const top = tierColours(fs.readFileSync(shot), 0.5);
  check(Object.values(top).every((n) => n > 50), `the world is above the panel (${JSON.stringify(top)})`);
  // The intro's "Begin" is pinned at the foot of the panel, at the bottom of the window.
  await t.page.touchscreen.tap(70, 1024 - 28);
  check(await t.waitLog('phase Act1Predict', 30000), 'a tap on Begin starts Act I');
  check(t.errors.length === 0, `no errors on the touch tablet (${t.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

// Both acts by touch alone, on a tablet both ways and a phone: taps on the controls (found by
// their mirrored elements' places on the page, then tapped on the canvas, where the game reads
// the touch), the panel scrolled by dragging it, the GPU slider dragged, and on the phone a tap
// on a tier opens its readout. No keyboard, no DOM clicks.
// The phone's three device pixels to the CSS pixel are a real display scale (the browser's
// own), with the page told the same: emulating the ratio alone leaves the canvas's device-pixel
// size at its CSS size, which the game's windowing reads (bevyengine/bevy#11231), so the game
// would lay out for a window a third of the phone's width, as no real phone shows it.
const phoneBrowser = await launch(['--force-device-scale-factor=3']);
for (const [w, h, dpr, b] of [[1024, 768, 1, browser], [768, 1024, 1, browser], [390, 844, 3, phoneBrowser]]) {
  const where = `${w}x${h}`;
  const ctx = await b.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, hasTouch: true, isMobile: true });
  const t = await open(ctx);
  const cdp = await ctx.newCDPSession(t.page);
  await t.page.goto(base);
  check(await t.waitLog('architects-audit: first frame', 120000), `first frame by touch at ${where}`);
  await t.frames(10);
  // A mirrored element's rectangle on the page, by its name and role.
  const rectOf = (name, role) => t.page.evaluate(([nm, rl]) => {
    const el = window.mirrored(nm, rl);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, value: el.value };
  }, [name, role]);
  // The panel's scrolling part: from the panel's top (its landmark) to the phase's button
  // pinned at its foot.
  const panel = async (pinned) => {
    const main = await t.page.evaluate(() => {
      const el = document.querySelector('#a11y-mirror [role=main]');
      const r = el && el.getBoundingClientRect();
      return r && r.height > 0 ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
    });
    const bottom = await rectOf(pinned, 'button');
    if (!main || !bottom) return null;
    return { x: main.x, y: main.y, w: main.w, h: bottom.y - 8 - main.y };
  };
  // A control's rectangle once the panel has come to rest: the same in three readings, each
  // a few of the game's frames and more than the mirror's tenth of a second apart (a drag
  // leaves the panel gliding, and a phone under SwiftShader draws only a few frames a second).
  const restingRect = async (name, role) => {
    let [last, same] = [null, 0];
    for (let i = 0; i < 40 && same < 2; i++) {
      await t.frames(2);
      await t.page.waitForTimeout(120);
      const r = await rectOf(name, role);
      same = r && last && r.y === last.y && r.x === last.x ? same + 1 : 0;
      last = r;
    }
    return last;
  };
  const drag = async (x0, y0, x1, y1, steps = 12) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
    await t.frames(2);
    for (let i = 1; i <= steps; i++) {
      const x = x0 + ((x1 - x0) * i) / steps, y = y0 + ((y1 - y0) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      await t.frames(1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await t.frames(3);
  };
  // Bring a control into the panel's view by dragging the panel, then tap it. `pinned` names
  // the phase's button pinned under the panel (tapped where it is).
  const tap = async (name, role, needle, pinned = name) => {
    const mark = t.logs.length;
    const seen = () => t.logs.slice(mark).some((l) => l.includes(needle));
    for (let i = 0; i < 40; i++) {
      if (needle && seen()) return true;
      const r = await restingRect(name, role);
      const p = await panel(pinned);
      if (r && p) {
        const cy = r.y + r.h / 2;
        const [lo, hi] = [p.y + 10, p.y + p.h - 10];
        if (name === pinned || (cy >= lo && cy <= hi)) {
          await t.page.touchscreen.tap(r.x + Math.min(r.w / 2, 24), cy);
          if (!needle) { await t.frames(10); return true; }
          // A tap that missed (the panel moved under it) is tried again where the control is.
          if (await t.waitLog(needle, 10000, mark)) return true;
          console.log(`# ${where}: a tap on ${name} at ${JSON.stringify(r)} was followed by ${JSON.stringify(t.logs.slice(mark).slice(-3))}; tapping again`);
          continue;
        }
        // Drag the panel by at most half its height, near its right edge.
        const by = Math.max(-p.h / 2, Math.min(p.h / 2, cy - (lo + hi) / 2));
        const x = p.x + p.w - 36;
        await drag(x, p.y + p.h / 2 + by / 2, x, p.y + p.h / 2 - by / 2);
      } else {
        await t.frames(3);
      }
    }
    console.log(`# ${where}: could not tap ${name}: ${JSON.stringify(await rectOf(name, role))} in ${JSON.stringify(await panel(pinned))}`);
    return needle ? seen() : false;
  };
  check(await tap('Begin Act I', 'button', 'phase Act1Predict'), `${where}: a tap on Begin starts Act I`);
  check(await tap('A)', 'radio', 'picked MemoryBw', 'Lock my prediction'), `${where}: a tap chooses an answer`);
  check(await tap('Lock my prediction', 'button', 'phase Act1Report'), `${where}: a tap locks it`);
  check(await tap('On to Act II', 'button', 'phase Act2Brief'), `${where}: on to Act II`);
  check(await tap('D)', 'radio', 'picked TinyOom', 'Lock my prediction'), `${where}: the Act II answer`);
  check(await tap('Lock my prediction', 'button', 'phase Act2Design'), `${where}: the Act II lock opens the design`);
  await t.frames(20);
  // The panel scrolls by a drag: the GPU slider moves up the page with it.
  let p = await panel('Submit this design');
  const x = p.x + p.w - 36;
  // A finger moving down pulls the content down (towards the top), one moving up pushes it
  // up; wherever the panel started, one of the two moves it.
  const by = Math.min(120, p.h / 2);
  const before = await restingRect('H100 GPUs', 'slider');
  await drag(x, p.y + 20, x, p.y + 20 + by);
  const mid = await restingRect('H100 GPUs', 'slider');
  await drag(x, p.y + p.h - 20, x, p.y + p.h - 20 - by);
  const after = await restingRect('H100 GPUs', 'slider');
  const [down, up] = before && mid && after ? [mid.y - before.y, after.y - mid.y] : [0, 0];
  check(down >= 0 && up <= 0 && (down > 20 || up < -20), `${where}: dragging the panel scrolls it with the finger (${Math.round(down)} px down, ${Math.round(up)} px up)`);
  // Back to the top, then drag the GPU slider's knob to the far end.
  await drag(x, p.y + 10, x, p.y + p.h - 10);
  p = await panel('Submit this design');
  const s0 = await restingRect('H100 GPUs', 'slider');
  if (s0 && s0.y > p.y && s0.y + s0.h < p.y + p.h) {
    const from = s0.x + (s0.w * (Number(s0.value) - 1)) / 15;
    await drag(from, s0.y + s0.h / 2, s0.x + s0.w + 30, s0.y + s0.h / 2);
    await t.frames(10);
  }
  const s1 = await restingRect('H100 GPUs', 'slider');
  check(s0 && s1 && String(s0.value) === '2' && String(s1.value) === '16', `${where}: dragging the GPU slider sets 16 GPUs (${s0 && s0.value} → ${s1 && s1.value})`);
  if (w < 600) {
    // A phone's world leaves figures out: a tap on the mobile tier opens its readout.
    const shot = await t.page.screenshot({ scale: 'css' });
    const at = tierCentre(shot, 'Mobile');
    const mark = t.logs.length;
    if (at) await t.page.touchscreen.tap(at[0], at[1]);
    check(at && (await t.waitLog('world readout opened', 10000, mark)), `${where}: a tap on a tier opens its readout (${at})`);
    await t.page.screenshot({ path: path.join(shots, 'web-phone-readout.png') });
  }
  check(await tap('Submit this design', 'button', null) && (await rectOf('Submit', 'button')) !== null, `${where}: a tap on Submit asks first`);
  check(await tap('Submit', 'button', 'phase Act2Reveal'), `${where}: a tap on the confirmation submits: the reveal`);
  await t.page.screenshot({ path: path.join(shots, `web-touch-reveal-${where}.png`) });
  check(t.errors.length === 0, `${where}: no errors by touch (${t.errors.slice(0, 3).join(' | ')})`);
  await ctx.close();
}

await phoneBrowser.close();
await browser.close();
server.close();
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);

// The centre of a tier's colour in a PNG (the node), or null.
function tierCentre(buf, tier) {
  const { counts, sx, sy } = tierStats(buf, 1);
  const n = counts[tier];
  return n > 20 ? [sx[tier] / n, sy[tier] / n] : null;
}

// Pixels of each tier colour in a PNG, in its top `share` of rows.
function tierColours(buf, share = 1) {
  return tierStats(buf, share).counts;
}

// The count of each tier colour's pixels in the top `share` of rows, and their summed x and y.
function tierStats(buf, share) {
  // Minimal PNG decoder (8-bit RGB/RGBA, as Chromium writes them).
  let pos = 8, idat = [], w = 0, h = 0, bpp = 4;
  while (pos < buf.length) {
    const n = buf.readUInt32BE(pos); const kind = buf.toString('ascii', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + n);
    if (kind === 'IHDR') { w = body.readUInt32BE(0); h = body.readUInt32BE(4); bpp = body[9] === 6 ? 4 : 3; }
    if (kind === 'IDAT') idat.push(body);
    pos += 12 + n;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = w * bpp; let prev = Buffer.alloc(stride);
  const zero = () => Object.fromEntries(Object.keys(TIERS).map((k) => [k, 0]));
  const counts = zero(), sx = zero(), sy = zero();
  for (let y = 0, i = 0; y < Math.round(h * share); y++) {
    const f = raw[i]; const line = Buffer.from(raw.subarray(i + 1, i + 1 + stride)); i += 1 + stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      if (f === 1) line[x] = (line[x] + a) & 255; else if (f === 2) line[x] = (line[x] + b) & 255;
      else if (f === 3) line[x] = (line[x] + ((a + b) >> 1)) & 255;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); line[x] = (line[x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255; }
    }
    for (let x = 0; x < w; x += 2) {
      const r = line[x * bpp], g = line[x * bpp + 1], bl = line[x * bpp + 2];
      for (const [k, [R, G, B]] of Object.entries(TIERS)) {
        if (Math.abs(r - R) + Math.abs(g - G) + Math.abs(bl - B) <= 24) { counts[k] += 1; sx[k] += x; sy[k] += y; }
      }
    }
    prev = line;
  }
  return { counts, sx, sy };
}
