import { describe, expect, it } from 'vitest';
import { documentViewSearch, parseDocumentView, type DocumentView } from './documentView';

describe('parseDocumentView', () => {
  it('reads back every view it writes', () => {
    const views: DocumentView[] = [
      { name: 'text' },
      { name: 'versions' },
      { name: 'version', number: 3 },
      { name: 'compare', from: 1, to: 2 },
      { name: 'compare', from: 2, to: 'live' },
      { name: 'compare', from: 'live', to: 4 },
      { name: 'compare', from: null, to: 'live' },
    ];
    for (const view of views) expect(parseDocumentView(documentViewSearch(view))).toEqual(view);
  });

  it('compares with the live text when `to` is left out', () => {
    expect(parseDocumentView('?view=compare&from=2')).toEqual({ name: 'compare', from: 2, to: 'live' });
  });

  it('leaves `from` to the view (the newest version) when it is not given', () => {
    expect(parseDocumentView('?view=compare')).toEqual({ name: 'compare', from: null, to: 'live' });
  });

  it('falls back to the live text on anything malformed', () => {
    for (const search of [
      '?view=version',
      '?view=version&n=0',
      '?view=version&n=live',
      '?view=version&n=1e3',
      '?view=compare&from=2&to=2',
      '?view=compare&from=-1',
      '?view=nothing',
      '',
    ]) {
      expect(parseDocumentView(search), search).toEqual({ name: 'text' });
    }
  });
});
