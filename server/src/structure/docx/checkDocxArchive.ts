import { setImmediate as turn } from 'node:timers/promises';
import { createInflateRaw } from 'node:zlib';
import { ImportArchiveTooLarge } from '../../errors/ImportArchiveTooLarge.js';
import { ImportInvalidFile } from '../../errors/ImportInvalidFile.js';
import { ImportTooComplex } from '../../errors/ImportTooComplex.js';
import { entryData, readZipDirectory, type ZipEntry } from './readZipDirectory.js';
import { XmlElementCounter } from './XmlElementCounter.js';

export interface DocxLimits {
  maxEntries: number;
  /** sum of the declared uncompressed sizes */
  maxTotalBytes: number;
  /** uncompressed size of one entry */
  maxEntryBytes: number;
  /** uncompressed / compressed, for entries above `ratioFloorBytes` */
  maxRatio: number;
  ratioFloorBytes: number;
  /** unpacked size of the parts that are XML, together */
  maxXmlBytes: number;
  /** elements in those parts, together: what mammoth's time and memory grow with */
  maxXmlElements: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 32 * 1024 * 1024,
  // Word's XML deflates ~5–20×; hundreds to one is a bomb (or an empty page repeated)
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  // mammoth builds a tree of every element and takes ~1 s and ~20–40 MiB of heap per 10,000 on a
  // busy 2-core machine; a 300-page agreement with Word's usual formatting has ~100,000 elements
  // in ~3.5 MiB of XML, and its text is then about as much as a document may hold (the 4 MiB
  // `content` of POST /api/documents)
  maxXmlBytes: 8 * 1024 * 1024,
  maxXmlElements: 120_000,
};

/**
 * Refuses a .docx that is not one, or that would unpack beyond the limits, BEFORE mammoth
 * decompresses anything: the central directory's declared sizes are checked first (entry count,
 * total, per entry, compression ratio, the parts named .xml/.rels together); then every part is
 * inflated as a stream: one whose first bytes are not XML (media, fonts, embedded files) is left
 * there; in the others the elements are counted as they come out and dropped, and the inflation
 * stops at once beyond a part's declared size (the header lied), `maxXmlBytes` or
 * `maxXmlElements` — whatever the parts are called, since mammoth follows the relationships to
 * them. Runs on the main thread: the inflation is on libuv's pool and the counting takes a few
 * milliseconds, in chunks, so a hostile file is refused quickly without taking an import worker.
 */
export async function checkDocxArchive(file: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  const entries = readZipDirectory(file, limits.maxEntries);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportInvalidFile('The file is a zip archive but not a Word document (no word/document.xml).');
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ImportArchiveTooLarge(
        `The document would unpack to more than ${mib(limits.maxTotalBytes)} MiB; it is refused as a possible zip bomb.`,
      );
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ImportArchiveTooLarge(
        `The part ${entry.name} would unpack to more than ${mib(limits.maxEntryBytes)} MiB.`,
      );
    }
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
    ) {
      throw new ImportArchiveTooLarge(
        `The part ${entry.name} is compressed more than ${limits.maxRatio}:1; it is refused as a possible zip bomb.`,
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportInvalidFile(`The part ${entry.name} uses an unsupported compression method.`);
    }
  }
  // the declared sizes of the parts named as XML refuse a file like issue 13's at once
  const namedXml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  if (namedXml.reduce((sum, e) => sum + e.uncompressedSize, 0) > limits.maxXmlBytes) throw tooMuchXml(limits);
  // mammoth follows the relationships, whatever the parts are called (a main document can be
  // "word/media/image1.png"): every part that turns out to be XML counts
  const xml: XmlBudget = { elements: new XmlElementCounter(), bytes: 0, limits };
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.method === 0) await countStored(entryData(file, entry), entry, xml);
    else await inflateCounting(entryData(file, entry), entry, xml);
  }
}

interface XmlBudget {
  elements: XmlElementCounter;
  /** unpacked bytes of the parts that are XML, so far */
  bytes: number;
  limits: DocxLimits;
}

const damaged = () => new ImportInvalidFile('The file is a damaged zip archive.');
const tooMuchXml = (limits: DocxLimits) =>
  new ImportArchiveTooLarge(
    `The document's XML would unpack to more than ${mib(limits.maxXmlBytes)} MiB; split it into smaller files.`,
  );
const tooComplex = (limits: DocxLimits) =>
  new ImportTooComplex(
    `The document has more than ${limits.maxXmlElements.toLocaleString('en')} XML elements; split it into smaller files.`,
  );

/**
 * Whether a part's first bytes are XML: after a byte-order mark and white space, a `<` (UTF-16
 * marks count as XML too). Media, fonts and embedded files start otherwise and are not read on.
 */
function startsAsXml(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    at < head.length &&
    (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0a || head[at] === 0x0d)
  )
    at += 1;
  return at === head.length || head[at] === 0x3c;
}

/** Counts one XML chunk; the error of the first limit it passes, if any. */
function addXml(xml: XmlBudget, chunk: Uint8Array): Error | null {
  xml.bytes += chunk.length;
  xml.elements.add(chunk);
  if (xml.bytes > xml.limits.maxXmlBytes) return tooMuchXml(xml.limits);
  if (xml.elements.count > xml.limits.maxXmlElements) return tooComplex(xml.limits);
  return null;
}

async function countStored(data: Buffer, entry: ZipEntry, xml: XmlBudget): Promise<void> {
  if (data.length !== entry.uncompressedSize) throw damaged();
  if (!startsAsXml(data.subarray(0, 64))) return;
  for (let at = 0; at < data.length; at += CHUNK) {
    const error = addXml(xml, data.subarray(at, at + CHUNK));
    if (error) throw error;
    await turn();
  }
}

const CHUNK = 256 * 1024;

/**
 * Inflates one part as a stream, counting its elements if it is XML (else it stops at the first
 * chunk); stops at the first limit passed, or at a byte beyond the size its header declares.
 */
function inflateCounting(data: Buffer, entry: ZipEntry, xml: XmlBudget): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let bytes = 0;
    let isXml: boolean | null = null;
    let settled = false;
    const settle = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        inflater.destroy();
        reject(error);
      } else resolve();
    };
    inflater.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      isXml ??= startsAsXml(chunk.subarray(0, 64));
      if (bytes > entry.uncompressedSize) {
        settle(
          new ImportArchiveTooLarge(
            `The part ${entry.name} unpacks to more than its header says; it is refused as a possible zip bomb.`,
          ),
        );
      } else if (!isXml) {
        // not XML (media, fonts, embedded files): mammoth's parser would stop at these bytes too
        settled = true;
        inflater.destroy();
        resolve();
      } else {
        const error = addXml(xml, chunk);
        if (error) settle(error);
      }
    });
    inflater.on('end', () => settle(bytes === entry.uncompressedSize ? null : damaged()));
    inflater.on('error', () => settle(damaged()));
    inflater.end(data);
  });
}

const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));
