// A strict TypeScript consumer of the npm package (bindings/wasm/pkg): CI
// compiles it with `tsc -p bindings/wasm/tests/ts` (strict, no emit) so
// that the package's declarations (index.d.ts, and types.d.ts generated
// from schema/) type both overloads and the error class as documented.
import { assess, render, renderChecks, version, BontotError } from '../../pkg/index.js';
import type { Assessment, CellYear, CheckLine, Lang, Plan } from '../../pkg/index.js';

// ---- the object API ---------------------------------------------------------------------

const record: CellYear = {
  plan: 'binh-tan-2024',
  cell: { name: 'Chi bộ trường THCS Bình Tân', year: 2024, as_of: '2024-12-31' },
  education: { dropout: { count: 9, of: 1512 }, swimming: { rate: '61.25' } },
  party: { admissions: 6 },
};

const assessment: Assessment = assess(record);
const verdict: 'achieved' | 'not_achieved' | 'incomplete' = assessment.verdict;
const year: number = assessment.year;

// A decimal in an assessment is a string. The variants of a quantity or a
// gap forbid each other's fields, so checking one field narrows the union.
for (const check of assessment.checks) {
  const actual = check.actual;
  if (actual?.rate !== undefined) {
    const figure: string = actual.rate;
    void figure;
  }
  const gap = check.gap;
  if (gap?.needed !== undefined) {
    const needed: number = gap.needed;
    const change: number = gap.change;
    void [needed, change];
  } else if (gap?.points !== undefined) {
    const points: string = gap.points;
    const strict: boolean = gap.strict;
    void [points, strict];
  }
}

// The 12 × 4 grid and the process findings.
for (const month of assessment.months) {
  const decision: 'achieved' | 'not_achieved' | undefined | null = month.contents.political_task?.decision;
  void decision;
}
const [adoption] = assessment.process;
const findingId: string = adoption.id;
const missing: string[] = assessment.missing;

// An inline plan: every target is present, `null` when not set.
const plan: Plan = {
  id: 'my-cell-2025',
  year: 2025,
  targets: {
    'edu.dropout': { comparator: 'below', value: '1.0' },
    'edu.repetition': null,
    'edu.promotion': null,
    'edu.graduation': null,
    'edu.efficiency': null,
    'edu.public_grade10': null,
    'edu.swimming': { comparator: 'at_least', value: '55' },
    'party.study': null,
    'party.admissions': { comparator: 'at_least', value: 6 },
    'party.cell_rating': { comparator: 'at_least', value: 'good' },
    'party.exemplary_commitment': { heads: ['secretary', 'principal'] },
    'party.inspection': null,
  },
};
const inline: CellYear = { plan, cell: { year: 2025 } };

// ---- the string API, unchanged ---------------------------------------------------------------

const json: string = assess(JSON.stringify(inline));
const fromJson: Assessment = JSON.parse(json) as Assessment;

// ---- render ------------------------------------------------------------------------------------

const lang: Lang = 'en';
const reports: string[] = [render(assessment, 'vi'), render(json, lang), render(fromJson, 'en')];
const lines: CheckLine[] = renderChecks(assessment, 'vi');
const gaps: (string | null)[] = renderChecks(json, 'en').map((l) => l.gap);
const firstId: string | undefined = lines[0]?.id;

// ---- errors ------------------------------------------------------------------------------------

try {
  assess({ plan: 'binh-tan-2024', cell: { year: 2024 } });
} catch (e: unknown) {
  if (e instanceof BontotError) {
    const kind: string = e.kind;
    const path: string = e.path;
    const message: string = e.message;
    const name: 'BontotError' = e.name;
    const asError: Error = e;
    void [kind, path, message, name, asError];
  }
}
const made = new BontotError('parse', 'plan', 'plan: not a plan');

// ---- what does not compile -------------------------------------------------------------------

// @ts-expect-error: a number is neither a record nor JSON text
assess(42);
// @ts-expect-error: only "vi" and "en"
render(json, 'fr');
// @ts-expect-error: an unknown field of a record
const unknownField: CellYear = { plan: 'binh-tan-2024', cell: { year: 2024 }, colour: 'red' };
// @ts-expect-error: a count is a number, not a string
const countAsString: CellYear = { plan: 'binh-tan-2024', cell: { year: 2024 }, party: { admissions: '4' } };
// @ts-expect-error: a bad enum value
const badRating: CellYear = { plan: 'binh-tan-2024', cell: { year: 2024 }, year_end_rating: 'Tốt' };
// @ts-expect-error: the object overload returns an Assessment, not a string
const wrongReturn: string = assess(record);

export const used = [gaps, firstId, verdict, year, findingId, missing, reports, made, version(), unknownField, countAsString, badRating, wrongReturn];
