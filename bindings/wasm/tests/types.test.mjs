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
import { generate, OUTPUT } from '../js/gen-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('js/types.d.ts is generated from schema/ (node bindings/wasm/js/gen-types.mjs)', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'stale: regenerate with node bindings/wasm/js/gen-types.mjs');
});

test('the package ships the generated declarations', () => {
  assert.equal(readFileSync(path.resolve(here, '../pkg/types.d.ts'), 'utf8'), readFileSync(OUTPUT, 'utf8'));
});

test('the declarations name the three documents and the wire shapes', () => {
  const text = generate();
  for (const name of ['CellYear', 'Plan', 'Assessment']) assert.match(text, new RegExp(`export interface ${name} \\{`));
  assert.match(text, /export type Verdict = "achieved" \| "not_achieved" \| "incomplete";/);
  assert.match(text, /export type AssessmentDecimal = string;/);
});
