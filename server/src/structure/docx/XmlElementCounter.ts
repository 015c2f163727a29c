const LESS_THAN = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

/**
 * Counts the elements of XML read chunk by chunk, without parsing it: every `<` that is not an
 * end tag (`</`), a comment, CDATA or declaration (`<!`) or a processing instruction (`<?`) opens
 * an element. In well-formed XML a `<` appears nowhere else, so this is the number of elements a
 * parser would build (for malformed XML an upper bound, which is what a limit needs).
 */
export class XmlElementCounter {
  count = 0;
  /** the previous chunk ended with `<`: the next byte decides */
  private openAtEnd = false;

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.openAtEnd && opensElement(chunk[0]!)) this.count += 1;
    this.openAtEnd = false;
    let at = chunk.indexOf(LESS_THAN);
    while (at !== -1) {
      if (at + 1 === chunk.length) {
        this.openAtEnd = true;
        return;
      }
      if (opensElement(chunk[at + 1]!)) this.count += 1;
      at = chunk.indexOf(LESS_THAN, at + 1);
    }
  }
}

const opensElement = (next: number) => next !== SLASH && next !== BANG && next !== QUESTION;
