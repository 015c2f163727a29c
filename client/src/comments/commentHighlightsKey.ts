import { PluginKey } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import type { HighlightInput, HighlightRange } from './buildHighlights';

export interface HighlightRequest {
  ranges: HighlightInput[];
  /** clause id → ids of the threads on the whole clause (or fallen back to it) */
  clauses: Map<string, string[]>;
  active: string | null;
}

export interface HighlightState {
  request: HighlightRequest;
  ranges: HighlightRange[];
  set: DecorationSet;
}

/** The highlight plugin's key; a transaction with a HighlightRequest as meta replaces its anchors. */
export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');
