import base from '../es.json';

// every feature's `<feature>.es.json` next to es.json (the document page's are in document/)
const features = import.meta.glob<Record<string, unknown>>('../*.es.json', {
  eager: true,
  import: 'default',
});

/** The strings of every page but the document page, in this language: one chunk, loaded only when this language is used. */
export default Object.assign({}, base, ...Object.values(features)) as Record<string, unknown>;
