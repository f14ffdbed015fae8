// The types of the npm package `bontot` (the entry point index.js). The
// record, plan and assessment types are generated from the JSON Schemas in
// schema/ (see types.d.ts).
import type { Assessment, CellYear, CheckId } from './types';

export type { Assessment, CellYear, Plan } from './types';

/** A language of the report: Vietnamese or English. */
export type Lang = 'vi' | 'en';

/** What assess and render throw when an input is rejected. */
export declare class BontotError extends Error {
  constructor(kind: string, path: string, message: string);
  readonly name: 'BontotError';
  /** A stable snake_case kind: "count_above_base", "parse", "too_large", "unknown_lang", "wrong_type", ... */
  readonly kind: string;
  /** The JSON path of the offending field ("meetings[3].attendance"); "." for the whole document. */
  readonly path: string;
}

/**
 * Assesses a record given as JSON text and returns the assessment as JSON
 * text (decimals as strings).
 * @throws {BontotError} when the record is rejected.
 */
export declare function assess(json: string): string;
/**
 * Assesses a record given as an object and returns the assessment as an
 * object (decimals as strings).
 * @throws {BontotError} when the record is rejected.
 */
export declare function assess(record: CellYear): Assessment;

/**
 * The plain-text report of an assessment (an object or the JSON text
 * `assess` returned) in Vietnamese ("vi") or English ("en").
 * @throws {BontotError} for a document that is not an assessment or an unknown language.
 */
export declare function render(assessment: Assessment | string, lang: Lang): string;

/** One check of an assessment in words, as the report prints it. */
export interface CheckLine {
  /** The check's id. */
  id: CheckId;
  /** Its line: a mark (✓, ✗, ?), what it checks, the actual value against the target. */
  line: string;
  /** For a failed check, what would have to change to pass, in the cell's units ("at most 5 dropouts: 1 fewer"); else null. */
  gap: string | null;
}

/**
 * Each check of an assessment (an object or its JSON text) in Vietnamese
 * or English, in the order of `checks`, as the report prints it.
 * @throws {BontotError} for a document that is not an assessment or an unknown language.
 */
export declare function renderChecks(assessment: Assessment | string, lang: Lang): CheckLine[];

/** The version of the library, e.g. "0.1.0". */
export declare function version(): string;
