import base from '../en.json';

// every feature's `<feature>.en.json` next to en.json, merged as locales/index.ts merges them
const features = import.meta.glob<Record<string, unknown>>('../*.en.json', {
  eager: true,
  import: 'default',
});

/** Every interface string in this language: one chunk, loaded only when this language is used. */
export default Object.assign({}, base, ...Object.values(features)) as Record<string, unknown>;
