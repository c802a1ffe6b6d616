import { Inflate } from 'fflate';
import {
  megabytes,
  SpreadsheetFormatError,
  SpreadsheetLimitError,
  type SpreadsheetLimits,
  XLSX_LIMITS,
} from './limits';

/**
 * The entries of a zip file (an .xlsx is one), read from its central directory, and a way to unpack one
 * under a byte budget. Only what an XLSX uses: stored or deflated entries, no encryption, no zip64.
 * Unpacking is fed 4 kB of compressed input at a time, so no single step can make more than about 4 MB
 * of output before the budget is checked (deflate expands at most about 1 000 times).
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  #unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: SpreadsheetLimits = XLSX_LIMITS,
  ) {
    if (bytes.length > limits.compressedBytes) {
      throw new SpreadsheetLimitError(
        `kalkylbladsfilen är ${megabytes(bytes.length)}; högst ${megabytes(limits.compressedBytes)} tillåts`,
      );
    }
    this.#readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry unpacked, counted against the part and total budgets; null if there is no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (entry === undefined) return null;
    if (entry.flags & 0x1)
      throw new SpreadsheetFormatError('kalkylbladsfilen är lösenordsskyddad; spara den utan lösenord');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) throw broken();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw broken();
    if (entry.method === 0) return this.#count(name, data);
    if (entry.method !== 8)
      throw new SpreadsheetFormatError(
        `delen ${name} är packad på ett sätt som inte kan läsas (metod ${entry.method})`,
      );

    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      this.#budget(name, size, chunk.length);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length; i += 4096)
        inflate.push(data.subarray(i, i + 4096), i + 4096 >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof SpreadsheetLimitError) throw error;
      throw broken();
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  #count(name: string, data: Uint8Array): Uint8Array {
    this.#budget(name, data.length, data.length);
    return data;
  }

  #budget(name: string, partSize: number, added: number) {
    this.#unpacked += added;
    if (partSize > this.limits.partBytes || this.#unpacked > this.limits.totalBytes) {
      throw new SpreadsheetLimitError(
        `kalkylbladsfilen packas upp till mer än ${megabytes(Math.min(this.limits.partBytes, this.limits.totalBytes))} ` +
          `(delen ${name}); ett register är mycket mindre. Är det rätt fil? Spara registret i en ny arbetsbok med bara utförarna`,
      );
    }
  }

  #readDirectory() {
    const bytes = this.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record is in the last 22 + 65 535 bytes (its comment is at most that).
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end === -1) throw broken();
    const count = view.getUint16(end + 10, true);
    const size = view.getUint32(end + 12, true);
    const offset = view.getUint32(end + 16, true);
    if (count === 0xffff || offset === 0xffffffff)
      throw new SpreadsheetFormatError('kalkylbladsfilen använder zip64, som inte kan läsas');
    if (count > this.limits.entries) {
      throw new SpreadsheetLimitError(
        `kalkylbladsfilen har ${count} delar; högst ${this.limits.entries} tillåts`,
      );
    }
    if (offset + size > bytes.length) throw broken();
    let at = offset;
    const decoder = new TextDecoder('utf-8');
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw broken();
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      this.entries.set(name, {
        name,
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        localHeaderOffset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extra + comment;
    }
  }
}

function broken(): SpreadsheetFormatError {
  return new SpreadsheetFormatError(
    'kalkylbladsfilen är trasig eller ofullständig (kanske avbruten när den sparades eller skickades); spara den igen',
  );
}
