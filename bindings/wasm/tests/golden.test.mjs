// Runs every golden case (every .json file of tests/cases) through the
// WebAssembly package in bindings/wasm/pkg (built by bindings/wasm/build.sh)
// and matches the result with the case's expectation, following the rules
// of tests/cases/README.md; then tests render, version and errors.
//
// Run from the repository root: node --test bindings/wasm/tests/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const casesDir = path.resolve(here, '../../../tests/cases');
const pkgDir = path.resolve(here, '../pkg');
const require = createRequire(import.meta.url);
// Through package.json's "main", as a user of the package would.
const bontot = require(pkgDir);

// ---- reading JSON without losing digits -------------------------------------

function skipWs(s, i) {
  while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  return i;
}

function skipString(s, i) {
  for (i++; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  throw new SyntaxError('unterminated string');
}

function skipValue(s, i) {
  if (s[i] === '"') return skipString(s, i);
  if (s[i] === '{' || s[i] === '[') {
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i = skipString(s, i);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
      i++;
    }
    throw new SyntaxError('unterminated value');
  }
  while (i < s.length && !',}] \t\n\r'.includes(s[i])) i++;
  return i;
}

/** The source text of each member of the (valid JSON) object `text`. */
function rawMembers(text) {
  const members = new Map();
  let i = skipWs(text, 0);
  if (text[i] !== '{') throw new SyntaxError('a case is a JSON object');
  i = skipWs(text, i + 1);
  while (text[i] !== '}') {
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipWs(text, keyEnd) + 1; // past ':'
    i = skipWs(text, i);
    const end = skipValue(text, i);
    members.set(key, text.slice(i, end));
    i = skipWs(text, end);
    if (text[i] === ',') i = skipWs(text, i + 1);
  }
  return members;
}

/** The assessment, checking that no number in it is anything but a safe
 * integer: decimals (rates) are strings, never JS numbers. */
function parseAssessment(json) {
  return JSON.parse(json, (key, value) => {
    if (typeof value === 'number') {
      assert.ok(Number.isSafeInteger(value), `number ${key}: ${value} is not an integer; decimals must be strings`);
    }
    if (key === 'rate') assert.equal(typeof value, 'string', 'a rate is a string');
    return value;
  });
}

// ---- matching an expectation (tests/cases/README.md) -------------------------

/** The four contents a month votes on. */
const CONTENTS = ['political_task', 'meeting_quality', 'unity_discipline', 'members'];

/** Each key of `want` deep-equals `got`'s; a key given as null is absent. */
function matchKeys(what, want, got) {
  for (const [key, value] of Object.entries(want)) {
    if (value === null) {
      assert.ok(got[key] === undefined || got[key] === null, `${what}: ${key} should be absent`);
    } else {
      assert.ok(key in got, `${what}: ${key} is absent`);
      assert.deepStrictEqual(got[key], value, `${what}: ${key}`);
    }
  }
}

function byId(list, id, what) {
  const found = (list ?? []).find((item) => item.id === id);
  assert.ok(found, `${what} ${id} is absent`);
  return found;
}

function matchAssessment(expect, a) {
  for (const [key, want] of Object.entries(expect)) {
    switch (key) {
      case 'verdict':
        assert.equal(a.verdict, want, 'verdict');
        break;
      case 'criteria':
        for (const [name, status] of Object.entries(want)) {
          assert.equal(a.criteria?.[name]?.status, status, `criterion ${name}`);
        }
        break;
      case 'checks':
        for (const [id, keys] of Object.entries(want)) matchKeys(`check ${id}`, keys, byId(a.checks, id, 'check'));
        break;
      case 'process':
        for (const [id, keys] of Object.entries(want)) {
          matchKeys(`finding ${id}`, keys, byId(a.process, id, 'finding'));
        }
        break;
      case 'missing':
        assert.deepStrictEqual([...a.missing].sort(), [...want].sort(), 'missing');
        break;
      case 'months':
        for (const [m, contents] of Object.entries(want)) {
          assert.ok(/^\d+$/.test(m) && Number(m) >= 1 && Number(m) <= 12, `case format: month key ${m} is not 1-12`);
          const month = (a.months ?? []).find((entry) => entry.month === Number(m));
          // null for a whole month: the month has no entry (it lies outside
          // the assessed span).
          if (contents === null) {
            assert.equal(month, undefined, `month ${m} has an entry, expected none`);
            continue;
          }
          assert.ok(month, `month ${m} has no entry`);
          for (const [content, decision] of Object.entries(contents)) {
            assert.ok(CONTENTS.includes(content), `case format: unknown content months.${m}.${content}`);
            const got = month.contents?.[content]?.decision ?? null;
            assert.equal(got, decision, `month ${m} ${content}`);
          }
        }
        break;
      default:
        assert.fail(`case format: unknown key expect.${key}`);
    }
  }
}

// ---- the golden cases -----------------------------------------------------------

const caseFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** The input document of a case, byte for byte as the case file has it. */
function readCase(file) {
  const text = readFileSync(path.join(casesDir, file), 'utf8');
  const parsed = JSON.parse(text); // rejects a malformed case file
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), 'case format: not an object');
  for (const key of Object.keys(parsed)) {
    assert.ok(['rule', 'clause', 'input', 'expect', 'note'].includes(key), `case format: unknown key ${key}`);
  }
  assert.equal(typeof parsed.rule, 'string', 'case format: `rule` (a string) is required');
  assert.ok(
    typeof parsed.input === 'string' || (parsed.input !== null && typeof parsed.input === 'object' && !Array.isArray(parsed.input)),
    'case format: `input` must be an object or a string',
  );
  assert.ok(parsed.expect !== null && typeof parsed.expect === 'object', 'case format: `expect` (an object) is required');
  if (parsed.expect.error !== undefined) {
    assert.deepStrictEqual(Object.keys(parsed.expect), ['error'], 'case format: a case with `error` has no other keys');
    assert.ok(typeof parsed.expect.error === 'object' && parsed.expect.error !== null, 'case format: expect.error');
    for (const key of Object.keys(parsed.expect.error)) {
      assert.ok(['kind', 'path'].includes(key), `case format: unknown key expect.error.${key}`);
    }
    assert.ok('kind' in parsed.expect.error, 'case format: expect.error.kind is required');
  }
  const raw = rawMembers(text).get('input');
  const input = typeof parsed.input === 'string' ? parsed.input : raw;
  return { input, expect: parsed.expect };
}

test('the golden cases directory holds cases', () => {
  assert.ok(caseFiles.length > 0, `no *.json case in ${casesDir}`);
});

for (const file of caseFiles) {
  test(`case ${file}`, () => {
    const { input, expect } = readCase(file);
    if (expect.error) {
      let thrown;
      assert.throws(() => bontot.assess(input), (e) => {
        thrown = e;
        return true;
      });
      assert.ok(thrown instanceof Error, 'an Error is thrown');
      assert.ok(thrown instanceof bontot.BontotError, 'a BontotError is thrown');
      assert.equal(thrown.kind, expect.error.kind, `error kind (the error was: ${thrown.message})`);
      if (expect.error.path !== undefined) {
        assert.equal(thrown.path, expect.error.path, `error path (the error was: ${thrown.message})`);
      }
      if (thrown.path !== '.') assert.ok(thrown.message.includes(thrown.path), 'the message names the path');
    } else {
      let out;
      try {
        out = bontot.assess(input);
      } catch (e) {
        assert.fail(`rejected: ${e.kind} at ${e.path}: ${e.message}`);
      }
      matchAssessment(expect, parseAssessment(out));
    }
  });
}

// ---- the package itself -----------------------------------------------------------

/** The assessment of the first golden case that has one. */
function sampleAssessment() {
  for (const file of caseFiles) {
    const { input, expect } = readCase(file);
    if (expect.error) continue;
    try {
      return bontot.assess(input);
    } catch {
      // a failing case is reported by its own test
    }
  }
  return assert.fail('no golden case gave an assessment to render');
}

test('render in Vietnamese and English', () => {
  const assessment = sampleAssessment();
  for (const lang of ['vi', 'en']) {
    const report = bontot.render(assessment, lang);
    assert.equal(typeof report, 'string');
    assert.ok(report.length > 0, `the ${lang} report is not empty`);
  }
});

test('render refuses an unknown language', () => {
  assert.throws(() => bontot.render(sampleAssessment(), 'fr'), { kind: 'unknown_lang', path: 'lang' });
});

test('render refuses a document that is not an assessment', () => {
  assert.throws(() => bontot.render('{"verdict": 1}', 'en'), { name: 'BontotError', kind: 'parse' });
});

test('version is the package version', () => {
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.match(bontot.version(), /^\d+\.\d+\.\d+/);
  assert.equal(bontot.version(), version);
});

test('a rejected record throws an Error naming kind and path', () => {
  let thrown;
  assert.throws(() => bontot.assess('{"plan": 5}'), (e) => {
    thrown = e;
    return true;
  });
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.name, 'BontotError');
  assert.equal(thrown.kind, 'parse');
  assert.equal(thrown.path, 'plan');
  assert.ok(thrown.message.includes('plan'), thrown.message);
});

test('truncated JSON is a parse error', () => {
  assert.throws(() => bontot.assess('{"plan": '), { kind: 'parse' });
});

test('a document over the size limit is too_large', () => {
  assert.throws(() => bontot.assess(' '.repeat((1 << 20) + 1)), { kind: 'too_large', path: '.' });
});

test('the module keeps working after an error', () => {
  assert.throws(() => bontot.assess('['), { kind: 'parse' });
  assert.ok(sampleAssessment().length > 0);
});
