// The TypeScript declarations of the record, plan and assessment
// (js/types.d.ts) are what js/gen-types.mjs generates from schema/, and the
// package ships them.
//
// Run from the repository root: node --test bindings/wasm/tests/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../js/gen-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const js = path.resolve(here, '../js');
const files = generate();

test('js/types.d.ts and js/types/*.d.ts are generated from schema/ (node bindings/wasm/js/gen-types.mjs)', () => {
  for (const [file, text] of Object.entries(files)) {
    assert.equal(readFileSync(path.join(js, file), 'utf8'), text, `js/${file} is stale: regenerate with node bindings/wasm/js/gen-types.mjs`);
  }
});

test('the package ships the generated declarations', () => {
  for (const file of Object.keys(files)) {
    assert.equal(readFileSync(path.resolve(here, '../pkg', file), 'utf8'), files[file], `pkg/${file}`);
  }
});

test('the declarations name the three documents and the wire shapes', () => {
  const record = files['types/record.d.ts'];
  const assessment = files['types/assessment.d.ts'];
  for (const name of ['CellYear', 'Plan']) assert.match(record, new RegExp(`export interface ${name} \\{`));
  assert.match(assessment, /export interface Assessment \{/);
  assert.match(assessment, /export type Verdict = "achieved" \| "not_achieved" \| "incomplete";/);
  assert.match(assessment, /export type AssessmentDecimal = string;/);
  assert.match(record, /export type Decimal = string \| number;/);
});

test('each generated file stays under 800 lines', () => {
  for (const [file, text] of Object.entries(files)) assert.ok(text.split('\n').length < 800, `js/${file}`);
});
