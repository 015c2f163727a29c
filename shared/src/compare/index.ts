// The clause-aware comparison of two versions (canonical renderings): one pure function used by
// the REST API, the UI and the exports. See README.md.
export * from './comparisonTypes.js';
export { compareDocuments } from './compareDocuments.js';
export { wordDiff } from './wordDiff.js';
export { diffToMarkedText } from './diffToMarkedText.js';
