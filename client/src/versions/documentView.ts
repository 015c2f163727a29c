import type { VersionRef } from '@accord/shared';

/**
 * What the document page shows, kept in the address so it can be linked, reloaded and left with
 * the browser's Back button: the live text, the versions and publications, one version read-only,
 * or a comparison of two.
 */
export type DocumentView =
  | { name: 'text' }
  | { name: 'versions' }
  | { name: 'version'; number: number }
  /** `from: null`: the newest version, once known */
  | { name: 'compare'; from: VersionRef | null; to: VersionRef };

function versionRef(value: string | null): VersionRef | null {
  if (value === 'live') return 'live';
  if (!value || !/^[1-9][0-9]{0,6}$/.test(value)) return null;
  return Number(value);
}

/** The view a query string asks for; anything malformed falls back to the live text. */
export function parseDocumentView(search: string): DocumentView {
  const params = new URLSearchParams(search);
  switch (params.get('view')) {
    case 'versions':
      return { name: 'versions' };
    case 'version': {
      const number = versionRef(params.get('n'));
      return typeof number === 'number' ? { name: 'version', number } : { name: 'text' };
    }
    case 'compare': {
      const given = params.get('from');
      const from = given === null ? null : versionRef(given);
      const to = versionRef(params.get('to') ?? 'live');
      if ((given !== null && from === null) || to === null || from === to) return { name: 'text' };
      return { name: 'compare', from, to };
    }
    default:
      return { name: 'text' };
  }
}

/** The query string (with its `?`, or empty) that shows `view`. */
export function documentViewSearch(view: DocumentView): string {
  switch (view.name) {
    case 'text':
      return '';
    case 'versions':
      return '?view=versions';
    case 'version':
      return `?view=version&n=${view.number}`;
    case 'compare':
      return view.from === null
        ? `?view=compare&to=${view.to}`
        : `?view=compare&from=${view.from}&to=${view.to}`;
  }
}
