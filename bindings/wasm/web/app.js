// The page for a cell secretary: opens a record (a file, a dropped file or
// the reference example), assesses it with the library compiled to
// WebAssembly (./pkg, built by bindings/wasm/build.sh --target web) and
// shows the verdict, the four criteria, the failing checks with their gaps
// (the renderer's sentences: renderChecks), the monthly votes, the process findings and
// the full report in Vietnamese or English. No rule is computed here: the
// page only lays out what `assess` and `render` return. No network access
// after the first load (the example is fetched with the page).
import init, { assess, render, renderChecks, version } from './pkg/bontot.js';

const CONTENTS = ['political_task', 'meeting_quality', 'unity_discipline', 'members'];

const T = {
  vi: {
    skip: 'Bỏ qua, đến nội dung',
    title: 'Chi bộ bốn tốt — đánh giá năm',
    subtitle: 'Mở hồ sơ năm của chi bộ (tệp JSON) để xem kết quả. Mọi tính toán chạy ngay trên máy này; không tệp nào được gửi đi.',
    language: 'Ngôn ngữ',
    openTitle: 'Hồ sơ',
    fileLabel: 'Mở tệp hồ sơ (JSON)',
    fileHint: 'Hoặc kéo và thả tệp vào đây.',
    example: 'Dùng hồ sơ mẫu (2024)',
    exampleHint: 'Hồ sơ mẫu năm 2024 của Chi bộ trường THCS Bình Tân.',
    loading: 'Đang tải…',
    ready: 'Sẵn sàng. Hãy mở một tệp hồ sơ hoặc dùng hồ sơ mẫu.',
    loadFailed: 'Không tải được mô-đun WebAssembly: ',
    noExample: 'Không tải được hồ sơ mẫu.',
    assessed: (name) => `Đã đánh giá: ${name}.`,
    rejected: (name) => `Không đánh giá được ${name}.`,
    exampleName: 'hồ sơ mẫu 2024',
    errorTitle: 'Không đánh giá được tệp này',
    errorFile: 'Tệp',
    errorPath: 'Trường',
    errorWhere: 'Vị trí',
    errorKind: 'Loại lỗi',
    errorMessage: 'Chi tiết',
    whole: 'toàn bộ tệp',
    entry: (n) => `mục thứ ${n}`,
    fieldOf: 'trường',
    verdictTitle: 'Kết quả',
    summary: (verdict, failing, unknown) =>
      `Kết quả: ${verdict}. ${failing} mục chưa đạt, ${unknown} mục chưa đủ dữ liệu.`,
    meta: (a) => `Kế hoạch ${a.plan} · năm ${a.year} · tính đến ngày ${T.vi.date(a.as_of ?? '')}`,
    download: 'Tải kết quả đánh giá (JSON)',
    failingTitle: 'Các mục chưa đạt và khoảng cách cần bù',
    failingNone: 'Không có mục nào chưa đạt.',
    unknownTitle: 'Chưa đủ dữ liệu',
    monthsTitle: 'Biểu quyết hằng tháng',
    monthsCaption: 'Kết quả biểu quyết từng nội dung: số phiếu tán thành / số đảng viên có quyền biểu quyết.',
    month: 'Tháng',
    meeting: 'Ngày họp',
    rating: 'Xếp loại',
    contents: {
      political_task: '2.1.1 Nhiệm vụ chính trị',
      meeting_quality: '2.1.2 Chất lượng sinh hoạt',
      unity_discipline: '2.1.3 Đoàn kết, kỷ luật',
      members: '2.1.4 Cán bộ, đảng viên',
    },
    decision: { achieved: 'đạt', not_achieved: 'không đạt' },
    states: {
      no_votes: 'không biểu quyết',
      no_meeting: 'không họp',
      before_founding: 'trước khi thành lập',
      not_given: 'chưa có dữ liệu',
      outside: 'ngoài kỳ đánh giá',
    },
    processTitle: 'Quy trình xây dựng kế hoạch, xét và công nhận',
    reportTitle: 'Báo cáo đầy đủ',
    footer: 'Tính theo thư viện bontot (WebAssembly), phiên bản',
    status: { pass: 'Đạt', fail: 'Không đạt', unknown: 'Chưa đủ dữ liệu' },
    fields: { id: 'Mã', actual: 'Thực tế', target: 'Chỉ tiêu', gap: 'Khoảng cách', needs: 'Cần dữ liệu' },
    severity: { warning: 'cảnh báo', error: 'lỗi' },
    ratings: { poor: 'Kém', average: 'Trung bình', fair: 'Khá', good: 'Tốt' },
    yearRatings: {
      not_completed: 'Không hoàn thành nhiệm vụ',
      completed: 'Hoàn thành nhiệm vụ',
      good: 'Hoàn thành tốt nhiệm vụ',
      excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    },
    yes: 'có',
    no: 'không',
    points: 'điểm phần trăm',
    beyond: 'phải vượt qua',
    unreachable: 'không thể đạt',
    comparators: { below: 'dưới', above: 'trên', at_least: 'từ', at_most: 'không quá' },
    date: (iso) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/u, '$3/$2/$1'),
  },
  en: {
    skip: 'Skip to the content',
    title: 'Four-Good Party Cell — the year’s assessment',
    subtitle: 'Open a cell’s record of the year (a JSON file) to see the result. Everything runs on this device; no file is sent anywhere.',
    language: 'Language',
    openTitle: 'Record',
    fileLabel: 'Open a record file (JSON)',
    fileHint: 'Or drag and drop a file here.',
    example: 'Use the reference example (2024)',
    exampleHint: 'The 2024 record of Chi bộ trường THCS Bình Tân.',
    loading: 'Loading…',
    ready: 'Ready. Open a record file or use the reference example.',
    loadFailed: 'The WebAssembly module could not be loaded: ',
    noExample: 'The reference example could not be loaded.',
    assessed: (name) => `Assessed: ${name}.`,
    rejected: (name) => `${name} could not be assessed.`,
    exampleName: 'the reference example 2024',
    errorTitle: 'This file could not be assessed',
    errorFile: 'File',
    errorPath: 'Field',
    errorWhere: 'Where',
    errorKind: 'Kind',
    errorMessage: 'Details',
    whole: 'the whole document',
    entry: (n) => `entry ${n}`,
    fieldOf: 'field',
    verdictTitle: 'Result',
    summary: (verdict, failing, unknown) =>
      `Verdict: ${verdict}. ${failing} failing check${failing === 1 ? '' : 's'}, ${unknown} without data.`,
    meta: (a) => `Plan ${a.plan} · year ${a.year} · as of ${a.as_of}`,
    download: 'Download the assessment (JSON)',
    failingTitle: 'Failing checks and their gaps',
    failingNone: 'No check fails.',
    unknownTitle: 'Not enough data',
    monthsTitle: 'Monthly votes',
    monthsCaption: 'The vote on each content: votes for / members entitled to vote.',
    month: 'Month',
    meeting: 'Meeting',
    rating: 'Rating',
    contents: {
      political_task: '2.1.1 Political task',
      meeting_quality: '2.1.2 Meeting quality',
      unity_discipline: '2.1.3 Unity, discipline',
      members: '2.1.4 Cadres, members',
    },
    decision: { achieved: 'achieved', not_achieved: 'not achieved' },
    states: {
      no_votes: 'no vote',
      no_meeting: 'no meeting',
      before_founding: 'before founding',
      not_given: 'not given',
      outside: 'outside the assessed span',
    },
    processTitle: 'Plan, recognition and timing',
    reportTitle: 'The full report',
    footer: 'Computed by the bontot library (WebAssembly), version',
    status: { pass: 'Met', fail: 'Not met', unknown: 'Not enough data' },
    fields: { id: 'Id', actual: 'Actual', target: 'Target', gap: 'Gap', needs: 'Needs' },
    severity: { warning: 'warning', error: 'error' },
    ratings: { poor: 'poor', average: 'average', fair: 'fair', good: 'good' },
    yearRatings: {
      not_completed: 'did not complete tasks',
      completed: 'completed tasks',
      good: 'completed tasks well',
      excellent: 'completed tasks excellently',
    },
    yes: 'yes',
    no: 'no',
    points: 'percentage points',
    beyond: 'strictly beyond',
    unreachable: 'cannot be reached',
    comparators: { below: 'below', above: 'above', at_least: 'at least', at_most: 'at most' },
    date: (iso) => iso,
  },
};

const state = {
  lang: 'vi',
  exampleText: null,
  /** { name, json, assessment } of the last record assessed, or null */
  result: null,
  /** { name, kind, path, message } of the last rejected file, or null */
  error: null,
};

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (text or nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function t() {
  return T[state.lang];
}

// ---- the report's sentences ----------------------------------------------------------

const MARK = /^ {2}([✓✗?–!]) (.*)$/u;
const HEADING = /^(\d+(?:\.\d+)+)\. (.*) — (.*)$/u;

/**
 * The renderer's text cut into blocks: one per check line ("  ✗ …", with
 * its indented lines) in the order of the report, and the criterion
 * headings by clause. Checks come first, in the order of the assessment's
 * `checks`; the process findings follow.
 */
function parseReport(report) {
  const blocks = [];
  const headings = new Map();
  let verdictLine = null;
  for (const line of report.split('\n')) {
    const mark = MARK.exec(line);
    if (mark) {
      blocks.push({ mark: mark[1], lines: [mark[2]] });
      continue;
    }
    if (line.startsWith('      ') && blocks.length > 0) {
      blocks[blocks.length - 1].lines.push(line.trim());
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && !headings.has(heading[1])) headings.set(heading[1], { title: heading[2], status: heading[3] });
    if (verdictLine === null && /^(Kết quả|Verdict): /u.test(line)) verdictLine = line.replace(/^[^:]*: /u, '');
  }
  return { blocks, headings, verdictLine };
}

const MARK_OF = { pass: '✓', fail: '✗', unknown: '?' };

/** The report's block of each check and finding, when they line up. */
function sentences(a, report) {
  const parsed = parseReport(report);
  const checks = a.checks ?? [];
  const process = a.process ?? [];
  const lined =
    parsed.blocks.length === checks.length + process.length &&
    checks.every((c, i) => parsed.blocks[i].mark === MARK_OF[c.status]);
  return {
    ...parsed,
    check: (i) => (lined ? parsed.blocks[i] : null),
    finding: (i) => (lined ? parsed.blocks[checks.length + i] : null),
  };
}

// ---- values in words -------------------------------------------------------------------

function value(v) {
  const w = t();
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  if ('count' in v && 'of' in v) return `${v.count}/${v.of}`;
  if ('rate' in v) return `${v.rate}%`;
  if ('count' in v) return String(v.count);
  if ('rating' in v) return w.yearRatings[v.rating] ?? v.rating;
  if ('judgment' in v) return v.judgment ? w.yes : w.no;
  return JSON.stringify(v);
}

function gap(g) {
  const w = t();
  if (!g) return '—';
  if (g.reachable === false) return w.unreachable;
  if ('needed' in g) return `${g.needed} (${g.change > 0 ? '+' : ''}${g.change})`;
  if ('points' in g) return `${g.points} ${w.points}${g.strict ? `, ${w.beyond}` : ''}`;
  if ('rating' in g) return w.yearRatings[g.rating] ?? g.rating;
  if ('judgment' in g) return w.yes;
  return JSON.stringify(g);
}

/** A JSON path ("meetings[3].attendance") in words. */
function pathInWords(path) {
  const w = t();
  if (!path || path === '.') return w.whole;
  const parts = [];
  for (const segment of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/u.exec(segment);
    if (!m) {
      parts.push(`${w.fieldOf} “${segment}”`);
      continue;
    }
    if (m[1]) parts.push(`${w.fieldOf} “${m[1]}”`);
    for (const index of m[2].matchAll(/\[(\d+)\]/gu)) parts.push(w.entry(Number(index[1]) + 1));
  }
  return parts.join(' → ');
}

// ---- drawing ---------------------------------------------------------------------------

function badge(status, text) {
  return h('span', { class: `badge ${status}` }, text ?? t().status[status] ?? status);
}

/**
 * A check: its line and gap as the library words them (`renderChecks`),
 * the report's detail lines under it (the months, meetings or members
 * behind it) when the report lines up, and its fields.
 */
function checkItem(c, words, block) {
  const w = t();
  const head = words ? words.line.replace(/^[✓✗?–!] /u, '') : c.id;
  const details = block ? block.lines.slice(1).filter((l) => !l.startsWith('→')) : [];
  const rest = [...(words?.gap ? [`→ ${words.gap}`] : []), ...details];
  return h(
    'li',
    { class: `check ${c.status}`, 'data-check': c.id },
    h('p', { class: 'check-head' }, badge(c.status), ' ', h('span', {}, head)),
    rest.length ? h('ul', { class: 'check-lines' }, rest.map((l) => h('li', { class: l.startsWith('→') ? 'gap' : '' }, l))) : null,
    h(
      'dl',
      { class: 'facts inline' },
      h('dt', {}, w.fields.id),
      h('dd', {}, h('code', {}, c.id), c.clause ? ` (${c.clause})` : ''),
      c.actual ? [h('dt', {}, w.fields.actual), h('dd', {}, value(c.actual))] : null,
      c.target
        ? [h('dt', {}, w.fields.target), h('dd', {}, `${w.comparators[c.comparator] ?? c.comparator ?? ''} ${value(c.target)}`.trim())]
        : null,
      c.gap ? [h('dt', {}, w.fields.gap), h('dd', {}, gap(c.gap))] : null,
      c.missing?.length ? [h('dt', {}, w.fields.needs), h('dd', {}, c.missing.map((p) => h('code', {}, p)))] : null,
    ),
  );
}

function drawResult() {
  const w = t();
  const { json, assessment: a, name } = state.result;
  const report = render(json, state.lang);
  const s = sentences(a, report);
  // The library's words for each check, in the order of `checks`.
  const words = JSON.parse(renderChecks(json, state.lang));
  const checks = a.checks ?? [];
  const failing = checks.map((c, i) => [c, i]).filter(([c]) => c.status === 'fail');
  const unknown = checks.map((c, i) => [c, i]).filter(([c]) => c.status === 'unknown');

  const verdictStatus = { achieved: 'pass', not_achieved: 'fail', incomplete: 'unknown' }[a.verdict] ?? 'unknown';
  const verdictText = s.verdictLine ?? a.verdict;
  $('verdict').replaceWith(h('span', { id: 'verdict', class: `badge big ${verdictStatus}`, 'data-verdict': a.verdict }, verdictText));
  $('meta').textContent = w.meta(a);
  $('summary').textContent = w.summary(verdictText, failing.length, unknown.length);

  const criteria = $('criteria');
  criteria.replaceChildren();
  for (const [key, c] of Object.entries(a.criteria ?? {})) {
    const heading = s.headings.get(c.clause);
    criteria.append(h('li', { class: c.status }, badge(c.status), ' ', h('strong', {}, `${c.clause}.`), ' ', heading ? heading.title : key));
  }

  $('failing').replaceChildren(...failing.map(([c, i]) => checkItem(c, words[i], s.check(i))));
  $('failing-none').hidden = failing.length > 0;
  $('unknown').replaceChildren(...unknown.map(([c, i]) => checkItem(c, words[i], s.check(i))));
  $('unknown-box').hidden = unknown.length === 0;

  // The 12 × 4 grid of votes.
  const head = $('months-head');
  head.replaceChildren(
    h('th', { scope: 'col' }, w.month),
    h('th', { scope: 'col' }, w.meeting),
    h('th', { scope: 'col' }, w.rating),
    ...CONTENTS.map((k) => {
      const [clause, ...words] = w.contents[k].split(' ');
      return h('th', { scope: 'col' }, h('span', { class: 'clause' }, clause), ' ', h('span', { class: 'long' }, words.join(' ')));
    }),
  );
  const byMonth = new Map((a.months ?? []).map((m) => [m.month, m]));
  const rows = [];
  for (let month = 1; month <= 12; month++) {
    const m = byMonth.get(month);
    const cells = CONTENTS.map((k) => {
      const r = m?.contents?.[k];
      if (!r || !r.decision) {
        const why = m ? w.states[m.state] ?? m.state : w.states.outside;
        return h('td', { class: 'vote none' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'sr-only' }, why));
      }
      const ok = r.decision === 'achieved';
      return h(
        'td',
        { class: `vote ${ok ? 'pass' : 'fail'}` },
        h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '),
        h('span', { class: 'sr-only' }, `${w.decision[r.decision] ?? r.decision}, `),
        `${r.for}/${r.base}`,
      );
    });
    const note = m && m.state !== 'voted' ? w.states[m.state] ?? m.state : m ? '' : w.states.outside;
    rows.push(
      h(
        'tr',
        { class: m ? '' : 'outside' },
        h('th', { scope: 'row' }, String(month)),
        h('td', {}, m?.meeting ? w.date(m.meeting) : '—', note ? h('span', { class: 'note' }, ` (${note})`) : null),
        h('td', {}, m?.rating ? w.ratings[m.rating] ?? m.rating : '—'),
        cells,
      ),
    );
  }
  $('months-body').replaceChildren(...rows);

  // Process findings.
  $('process').replaceChildren(
    ...(a.process ?? []).map((f, i) => {
      const block = s.finding(i);
      const text = block ? block.lines : [`${f.id} (${f.clause}) — ${w.severity[f.severity] ?? f.severity}`];
      return h(
        'li',
        { class: `check ${f.status}` },
        h('p', { class: 'check-head' }, badge(f.status), ' ', h('span', {}, text[0])),
        text.length > 1 ? h('ul', { class: 'check-lines' }, text.slice(1).map((l) => h('li', {}, l))) : null,
      );
    }),
  );

  const pre = $('report');
  pre.textContent = report;
  pre.lang = state.lang;
  $('results').hidden = false;
  $('error').hidden = true;
  return name;
}

function drawError() {
  const w = t();
  const e = state.error;
  $('error-file').textContent = e.name;
  $('error-path').textContent = e.path;
  $('error-words').textContent = pathInWords(e.path);
  $('error-kind').textContent = e.kind;
  $('error-message').textContent = e.message;
  $('error').hidden = false;
  $('results').hidden = true;
  return w.rejected(e.name);
}

function translate() {
  const w = t();
  document.documentElement.lang = state.lang;
  document.title = w.title;
  for (const el of document.querySelectorAll('[data-t]')) {
    const text = w[el.dataset.t];
    if (typeof text === 'string') el.textContent = text;
  }
}

function draw() {
  translate();
  if (state.result) drawResult();
  else if (state.error) drawError();
  if (state.result) $('status').textContent = t().assessed(state.result.name);
  else if (state.error) $('status').textContent = t().rejected(state.error.name);
  else $('status').textContent = t().ready;
}

// ---- input -----------------------------------------------------------------------------

function assessText(text, name) {
  try {
    const json = assess(text);
    state.result = { name, json, assessment: JSON.parse(json) };
    state.error = null;
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'BontotError') throw e;
    state.error = { name, kind: e.kind, path: e.path, message: e.message };
    state.result = null;
  }
  draw();
  (state.result ? $('verdict-h') : $('error')).scrollIntoView({ block: 'start', behavior: 'smooth' });
}

async function openFile(file) {
  if (!file) return;
  assessText(await file.text(), file.name);
}

function download() {
  if (!state.result) return;
  const { json, assessment: a } = state.result;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = h('a', { href: url, download: `assessment-${a.year ?? 'year'}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has surely read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function main() {
  try {
    await init();
  } catch (e) {
    $('status').textContent = t().loadFailed + (e instanceof Error ? e.message : String(e));
    return;
  }
  $('version').textContent = version();
  try {
    const response = await fetch(new URL('./pkg/example.json', import.meta.url));
    if (response.ok) state.exampleText = await response.text();
  } catch {
    // offline on first load: no example
  }
  const example = $('example');
  if (state.exampleText !== null) example.disabled = false;
  else example.title = t().noExample;

  example.addEventListener('click', () => assessText(state.exampleText, t().exampleName));
  $('file').addEventListener('change', (event) => openFile(event.target.files[0]));
  $('download').addEventListener('click', download);
  for (const radio of document.querySelectorAll('input[name=lang]')) {
    radio.addEventListener('change', () => {
      state.lang = radio.value;
      draw();
    });
  }
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    openFile(event.dataTransfer?.files?.[0]);
  });
  state.lang = document.querySelector('input[name=lang]:checked')?.value ?? 'vi';
  document.body.dataset.ready = 'true';
  draw();
}

main();
