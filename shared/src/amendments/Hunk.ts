/**
 * One change between two token lists: base tokens [start, end) become `insert`. Offsets are
 * token indexes in the base; `from`/`to` are character offsets of the same range in the base text.
 */
export interface Hunk {
  start: number;
  end: number;
  insert: string[];
  from: number;
  to: number;
}
