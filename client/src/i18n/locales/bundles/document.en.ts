// every `document/<feature>.en.json`: the strings only the document page uses (namespace "document")
const features = import.meta.glob<Record<string, unknown>>('../document/*.en.json', {
  eager: true,
  import: 'default',
});

/** The document page's strings in this language: one chunk, loaded with the document page. */
export default Object.assign({}, ...Object.values(features)) as Record<string, unknown>;
