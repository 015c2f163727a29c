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
  /** unpacked size of the XML parts mammoth reads, together */
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
 * total, per entry, compression ratio, XML parts together); then every part mammoth reads (XML and
 * relationships; never the media, which the importer skips) is inflated as a stream, its elements
 * counted as they come out and dropped: beyond its declared size (the header lied) or beyond
 * `maxXmlElements` the inflation stops at once. Runs on the main thread: the inflation is on
 * libuv's pool and the counting takes a few milliseconds, in chunks, so a hostile file is refused
 * quickly without taking an import worker.
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
  const xmlParts = entries.filter(isReadByMammoth);
  const xmlBytes = xmlParts.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (xmlBytes > limits.maxXmlBytes) {
    throw new ImportArchiveTooLarge(
      `The document's XML would unpack to more than ${mib(limits.maxXmlBytes)} MiB; split it into smaller files.`,
    );
  }
  const elements = new XmlElementCounter();
  for (const entry of xmlParts) {
    if (entry.method === 0) await countStored(entryData(file, entry), entry, elements, limits);
    else await inflateCounting(entryData(file, entry), entry, elements, limits);
  }
}

const damaged = () => new ImportInvalidFile('The file is a damaged zip archive.');
const tooComplex = (limits: DocxLimits) =>
  new ImportTooComplex(
    `The document has more than ${limits.maxXmlElements.toLocaleString('en')} XML elements; split it into smaller files.`,
  );

async function countStored(
  data: Buffer,
  entry: ZipEntry,
  elements: XmlElementCounter,
  limits: DocxLimits,
): Promise<void> {
  if (data.length !== entry.uncompressedSize) throw damaged();
  for (let at = 0; at < data.length; at += CHUNK) {
    elements.add(data.subarray(at, at + CHUNK));
    if (elements.count > limits.maxXmlElements) throw tooComplex(limits);
    await turn();
  }
}

const CHUNK = 256 * 1024;

/** Inflates one part as a stream, counting its elements; stops at the first limit passed. */
function inflateCounting(
  data: Buffer,
  entry: ZipEntry,
  elements: XmlElementCounter,
  limits: DocxLimits,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let bytes = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) {
        inflater.destroy();
        reject(error);
      } else resolve();
    };
    inflater.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      elements.add(chunk);
      if (bytes > entry.uncompressedSize) {
        settle(
          new ImportArchiveTooLarge(
            `The part ${entry.name} unpacks to more than its header says; it is refused as a possible zip bomb.`,
          ),
        );
      } else if (elements.count > limits.maxXmlElements) settle(tooComplex(limits));
    });
    inflater.on('end', () => settle(bytes === entry.uncompressedSize ? undefined : damaged()));
    inflater.on('error', () => settle(damaged()));
    inflater.end(data);
  });
}

function isReadByMammoth(entry: ZipEntry): boolean {
  return /\.(xml|rels)$/i.test(entry.name);
}

const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));
