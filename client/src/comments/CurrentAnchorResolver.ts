import type * as Y from 'yjs';
import { AnchorResolver, type DocumentLanguage } from '@accord/shared';

/**
 * An AnchorResolver for the Y.Doc as it is now: built when first asked after a change of the
 * text (building one walks the clause index), reused until the next change.
 */
export class CurrentAnchorResolver {
  private cached: AnchorResolver | null = null;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly language: DocumentLanguage,
  ) {
    ydoc.on('update', this.invalidate);
  }

  get(): AnchorResolver {
    return (this.cached ??= new AnchorResolver(this.ydoc, this.language));
  }

  destroy(): void {
    this.ydoc.off('update', this.invalidate);
  }

  private invalidate = () => {
    this.cached = null;
  };
}
