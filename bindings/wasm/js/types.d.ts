// Provisional declarations, to be replaced by the ones generated from the
// JSON Schemas of schema/.

/** A plan: its targets and policy. */
export interface Plan {
  [key: string]: unknown;
}

/** A cell's year: the record assess takes. */
export interface CellYear {
  plan: string | Plan;
  [key: string]: unknown;
}

/** What assess returns. */
export interface Assessment {
  verdict: 'achieved' | 'not_achieved' | 'incomplete';
  [key: string]: unknown;
}
