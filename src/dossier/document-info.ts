/**
 * The PDF as a document, not just pages: title, author, subject and keywords from the record,
 * an XMP packet saying the same, the title shown in the viewer's window, and reproducible bytes.
 * Chromium stamps the wall-clock time and a random /ID into every PDF; here the dates come from
 * SOURCE_DATE_EPOCH (or a fixed epoch) and the /ID is a hash of the content, so the same record,
 * templates and options give byte-identical files that can be cached and diffed.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import { CasefileError } from '../errors.js';
import type { CaseFile } from '../record/schema.js';
import { SECTIONS } from '../record/sections.js';
import { VERSION } from '../version.js';

/** What `pdfinfo` dates deterministic output to when SOURCE_DATE_EPOCH is not set. */
export const FIXED_EPOCH = new Date('2000-01-01T00:00:00Z');

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  date: Date;
}

/** The reproducible-builds convention: whole seconds since 1970 in SOURCE_DATE_EPOCH. */
export function documentDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return FIXED_EPOCH;
  if (!/^\d{1,12}$/.test(raw)) {
    throw new CasefileError('E_USAGE', `SOURCE_DATE_EPOCH must be whole seconds since 1970, e.g. 1700000000; received ${JSON.stringify(raw)}`);
  }
  return new Date(Number(raw) * 1000);
}

/**
 * `brand` is a themed site's name: it then stands where casefile's name would (author, first
 * keyword, creator), and only the Producer still says which software made the file.
 */
export function documentInfoFor(record: CaseFile, options: { kind: 'dossier' | 'poster'; date?: Date; brand?: string }): DocumentInfo {
  const kind = options.kind === 'poster' ? 'Wall poster' : 'Case file';
  const brand = options.brand;
  return {
    title: `${kind}: ${record.title}`,
    author: brand ?? 'casefile',
    subject: record.question,
    keywords: [...(brand === undefined ? ['casefile'] : brand ? [brand] : []), record.slug, record.title, ...record.aliases, ...SECTIONS.map((section) => section.shortName)],
    creator: brand ?? `casefile ${VERSION}`,
    producer: `casefile ${VERSION} (pdf-lib, Chromium)`,
    date: options.date ?? documentDate(),
  };
}

function xmlText(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function xmpPacket(info: DocumentInfo): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlText(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>${info.keywords.map((keyword) => `<rdf:li>${xmlText(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
<pdf:Keywords>${xmlText(info.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${xmlText(info.producer)}</pdf:Producer>
<xmp:CreatorTool>${xmlText(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Sets the Info dictionary, the XMP metadata stream and DisplayDocTitle. */
export function setDocumentInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  const metadata = doc.context.stream(xmpPacket(info), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
}

/** The /ID pair is written as placeholders of the final length, hashed, then filled in. */
const ID_HEX_LENGTH = 32;
const ID_PLACEHOLDER = '0'.repeat(ID_HEX_LENGTH);

/**
 * Saves with no object streams (plain cross-reference table: qpdf --check and old RIPs like it)
 * and a trailer /ID that is the hash of everything else, so equal content means equal bytes.
 * One serialisation, not two: the /ID is saved as zeros of its final length, the bytes are
 * hashed, and the zeros in the trailer are overwritten in place (offsets do not move).
 * Serialised in one go (objectsPerTick) rather than pausing for the event loop every 50 objects.
 */
export async function saveDeterministic(doc: PDFDocument): Promise<Uint8Array> {
  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, ID_HEX_LENGTH);
  const slots = trailerIdSlots(bytes);
  for (const slot of slots) bytes.set(Buffer.from(digest, 'latin1'), slot);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(digest), PDFHexString.of(digest)]);
  return bytes;
}

/** Where the two placeholder IDs sit in the trailer: the last two `<000…0>` in the file. */
function trailerIdSlots(bytes: Uint8Array): [number, number] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = `<${ID_PLACEHOLDER}>`;
  const second = buffer.lastIndexOf(needle, undefined, 'latin1');
  const first = second > 0 ? buffer.lastIndexOf(needle, second - 1, 'latin1') : -1;
  if (first < 0 || second < 0) throw new CasefileError('E_RENDER', 'the saved PDF has no trailer /ID to fill in');
  return [first + 1, second + 1];
}
