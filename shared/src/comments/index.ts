export * from './anchorTypes.js';
export * from './AnchorResolver.js';
export * from './ClauseIndex.js';
export * from './ClauseText.js';
export * from './commentBody.js';
export * from './createRangeAnchor.js';
export * from './relativePositions.js';
