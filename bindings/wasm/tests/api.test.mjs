// The package's object API, its argument checks and its error class: the
// overloads assess(record) and render(assessment, lang) beside the string
// API, a value of the wrong type thrown as a BontotError (never a trap),
// `instanceof BontotError`, and the package's own metadata.
//
// Run from the repository root: node --test bindings/wasm/tests/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const pkgDir = path.resolve(here, '../pkg');
const require = createRequire(import.meta.url);
const bontot = require(pkgDir);
const glue = require(path.join(pkgDir, 'bontot.js'));
const { BontotError } = bontot;

const exampleText = readFileSync(path.join(root, 'examples/cell-year-2024.json'), 'utf8');
const example = JSON.parse(exampleText);

/** The thrown value of `fn`, failing when nothing is thrown. */
function thrownBy(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return assert.fail('nothing was thrown');
}

/** `e` is a BontotError of `kind` at `path` whose message names the path. */
function assertBontotError(e, kind, path) {
  assert.ok(e instanceof BontotError, `a BontotError, not ${e?.constructor?.name}: ${e?.message}`);
  assert.ok(e instanceof Error, 'a BontotError is an Error');
  assert.equal(e.name, 'BontotError');
  assert.equal(e.kind, kind, `kind (the error was: ${e.message})`);
  assert.equal(e.path, path, `path (the error was: ${e.message})`);
  assert.ok(e.message.includes(path), `the message names the path: ${e.message}`);
  assert.equal(typeof e.stack, 'string');
}

// ---- the object API -----------------------------------------------------------------

test('assess(record) returns the assessment as an object, decimals as strings', () => {
  const a = bontot.assess(example);
  assert.equal(typeof a, 'object');
  assert.equal(a.verdict, 'achieved');
  assert.deepStrictEqual(a, JSON.parse(bontot.assess(exampleText)));
  const swimming = a.checks.find((c) => c.id === 'edu.swimming');
  assert.deepStrictEqual(swimming.actual, { rate: '61.25' });
  JSON.stringify(a, (key, value) => {
    if (typeof value === 'number') assert.ok(Number.isSafeInteger(value), `${key}: ${value}`);
    return value;
  });
});

test('assess(json) still returns JSON text', () => {
  const out = bontot.assess(exampleText);
  assert.equal(typeof out, 'string');
  assert.equal(JSON.parse(out).verdict, 'achieved');
});

test('every example in examples/ gives the same assessment through both overloads', () => {
  const files = readdirSync(path.join(root, 'examples')).filter((f) => f.startsWith('cell-year') && f.endsWith('.json'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const text = readFileSync(path.join(root, 'examples', file), 'utf8');
    assert.deepStrictEqual(bontot.assess(JSON.parse(text)), JSON.parse(bontot.assess(text)), file);
  }
});

test('every golden case gives the same result through both overloads', () => {
  const dir = path.join(root, 'tests/cases');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const { input } = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    if (typeof input !== 'object' || input === null || Array.isArray(input)) continue;
    const text = JSON.stringify(input);
    let viaText;
    try {
      viaText = JSON.parse(bontot.assess(text));
    } catch (e) {
      assertBontotError(thrownBy(() => bontot.assess(input)), e.kind, e.path);
      continue;
    }
    assert.deepStrictEqual(bontot.assess(input), viaText, file);
  }
});

test('a rejected record object throws a BontotError naming the path', () => {
  const bad = structuredClone(example);
  bad.education.dropout = { count: 600, of: 520 };
  assertBontotError(thrownBy(() => bontot.assess(bad)), 'count_above_base', 'education.dropout');
  const unknown = { ...example, colour: 'red' };
  assertBontotError(thrownBy(() => bontot.assess(unknown)), 'parse', 'colour');
});

test('render takes the assessment as an object or as JSON text', () => {
  const text = bontot.assess(exampleText);
  const object = bontot.assess(example);
  for (const lang of ['vi', 'en']) {
    const report = bontot.render(object, lang);
    assert.equal(report, bontot.render(text, lang));
    assert.ok(report.includes('binh-tan-2024'));
  }
});

test('renderChecks gives each check its line and gap, as the report prints them', () => {
  const failing = readFileSync(path.join(root, 'examples/cell-year-failing.json'), 'utf8');
  const assessment = bontot.assess(JSON.parse(failing));
  for (const [lang, sentence] of [['en', 'at most 5 dropouts: 1 fewer'], ['vi', 'tối đa 5 học sinh bỏ học: giảm 1']]) {
    const lines = bontot.renderChecks(assessment, lang);
    assert.deepStrictEqual(lines, bontot.renderChecks(JSON.stringify(assessment), lang));
    assert.deepStrictEqual(lines.map((l) => l.id), assessment.checks.map((c) => c.id));
    const dropout = lines.find((l) => l.id === 'edu.dropout');
    assert.equal(dropout.gap, sentence);
    assert.ok(dropout.line.startsWith('✗ '), dropout.line);
    const report = bontot.render(assessment, lang);
    for (const l of lines) {
      assert.ok(report.includes(l.line), `the report prints ${l.line}`);
      if (l.gap !== null) assert.ok(report.includes(`→ ${l.gap}`), `the report prints ${l.gap}`);
    }
    assert.ok(lines.filter((l) => l.gap === null).every((l) => assessment.checks.find((c) => c.id === l.id).status !== 'fail'));
  }
  assertBontotError(thrownBy(() => bontot.renderChecks(assessment, 'fr')), 'unknown_lang', 'lang');
  assertBontotError(thrownBy(() => bontot.renderChecks(7, 'en')), 'wrong_type', '.');
  assertBontotError(thrownBy(() => bontot.renderChecks(assessment, null)), 'wrong_type', 'lang');
  assertBontotError(thrownBy(() => bontot.renderChecks('{"verdict": 1}', 'en')), 'parse', thrownBy(() => bontot.renderChecks('{"verdict": 1}', 'en')).path);
  const e = thrownBy(() => glue.renderChecks({}, 'en'));
  assert.equal(e.kind, 'wrong_type');
});

// ---- values of the wrong type ---------------------------------------------------------

const wrongValues = [
  ['a number', 42],
  ['NaN', NaN],
  ['null', null],
  ['undefined', undefined],
  ['an array', [example]],
  ['a function', () => exampleText],
  ['a boolean', true],
  ['a bigint', 10n],
  ['a symbol', Symbol('record')],
];

for (const [what, value] of wrongValues) {
  test(`assess(${what}) throws a wrong_type BontotError`, () => {
    assertBontotError(thrownBy(() => bontot.assess(value)), 'wrong_type', '.');
  });

  test(`render(${what}, "en") throws a wrong_type BontotError`, () => {
    assertBontotError(thrownBy(() => bontot.render(value, 'en')), 'wrong_type', '.');
  });

  test(`render(assessment, ${what}) throws a wrong_type BontotError at lang`, () => {
    assertBontotError(thrownBy(() => bontot.render(bontot.assess(exampleText), value)), 'wrong_type', 'lang');
  });

  test(`the glue itself refuses ${what} without trapping`, () => {
    const e = thrownBy(() => glue.assess(value));
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `a trap: ${e.message}`);
    assert.equal(e.name, 'BontotError');
    assert.equal(e.kind, 'wrong_type');
    assert.equal(e.path, '.');
    const r = thrownBy(() => glue.render(value, 'en'));
    assert.equal(r.kind, 'wrong_type');
    const l = thrownBy(() => glue.render('{}', value));
    assert.equal(l.kind, 'wrong_type');
    assert.equal(l.path, 'lang');
  });
}

test('the glue refuses an object for the string parameter (it used to trap)', () => {
  const e = thrownBy(() => glue.assess(example));
  assert.equal(e.name, 'BontotError');
  assert.equal(e.kind, 'wrong_type');
});

test('a record that cannot be written as JSON is a wrong_type BontotError', () => {
  const cyclic = structuredClone(example);
  cyclic.cell.self = cyclic;
  assertBontotError(thrownBy(() => bontot.assess(cyclic)), 'wrong_type', '.');
  assertBontotError(thrownBy(() => bontot.assess({ ...example, big: 1n })), 'wrong_type', '.');
});

test('an unknown language is an unknown_lang BontotError', () => {
  assertBontotError(thrownBy(() => bontot.render(bontot.assess(example), 'fr')), 'unknown_lang', 'lang');
});

test('the module keeps working after the wrong types', () => {
  for (const [, value] of wrongValues) thrownBy(() => bontot.assess(value));
  assert.equal(bontot.assess(example).verdict, 'achieved');
});

// ---- the error class ------------------------------------------------------------------

test('BontotError is a class of its own, exported by the package', () => {
  const e = new BontotError('parse', 'plan', 'plan: bad');
  assert.ok(e instanceof Error);
  assert.ok(e instanceof BontotError);
  assert.deepStrictEqual([e.name, e.kind, e.path, e.message], ['BontotError', 'parse', 'plan', 'plan: bad']);
  assert.ok(!(new Error('x') instanceof BontotError));
});

test('a string API error is an instance of BontotError too', () => {
  assertBontotError(thrownBy(() => bontot.assess('{"plan": 5}')), 'parse', 'plan');
  assertBontotError(thrownBy(() => bontot.render('{"verdict": 1}', 'en')), 'parse', thrownBy(() => bontot.render('{"verdict": 1}', 'en')).path);
});

test('the package works from an ES module import', async () => {
  const mod = await import(path.join(pkgDir, 'index.js'));
  assert.equal(typeof mod.assess, 'function');
  assert.equal(typeof mod.BontotError, 'function');
  assert.equal(mod.default.assess, bontot.assess);
});

// ---- the package -----------------------------------------------------------------------

test('package.json is publishable: not private, licensed, entry point index.js', () => {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(pkg.private, undefined);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.main, 'index.js');
  assert.equal(pkg.types, 'index.d.ts');
  for (const file of pkg.files) assert.ok(readFileSync(path.join(pkgDir, file)).length > 0, file);
});

test('the .wasm holds no path of the build machine', () => {
  const wasm = readFileSync(path.join(pkgDir, 'bontot_bg.wasm')).toString('latin1');
  const needles = ['/root', '.cargo', '.rustup', root];
  if (process.env.HOME && process.env.HOME !== '/') needles.push(process.env.HOME);
  for (const needle of needles) assert.ok(!wasm.includes(needle), `the .wasm holds ${needle}`);
});
