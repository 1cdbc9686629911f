/**
 * Rendered bytes, kept by the hash of their inputs: in memory up to a size, least recently used
 * out first, and, when given a folder, on disk, where they survive a restart. A disk entry is
 * written atomically and trusted only as bytes: its content hash is computed again when read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { writeFileAtomic } from '../output/atomic.js';
import { fileHash } from '../site/hash.js';

export interface StoredBytes {
  bytes: Uint8Array;
  /** The SHA-256 of the bytes, hex: their ETag and, in its first 12 digits, their `?v=`. */
  hash: string;
}

export type StoreHit = 'memory' | 'disk';

export interface ByteStore {
  /** `key` is an inputs hash (hex), `extension` the file's format. */
  get(key: string, extension: string): Promise<(StoredBytes & { from: StoreHit }) | undefined>;
  /** Keeps the bytes; a disk write that fails is reported to `onDiskError` and costs only the restart's warmth. */
  put(key: string, extension: string, bytes: Uint8Array): Promise<StoredBytes>;
  /** Bytes held in memory now. */
  readonly memoryBytes: number;
}

export interface ByteStoreOptions {
  /** The most bytes kept in memory; 0 keeps none. */
  maxMemoryBytes: number;
  dir?: string;
  onDiskError?: (error: unknown) => void;
}

export function createByteStore(options: ByteStoreOptions): ByteStore {
  const memory =
    options.maxMemoryBytes > 0
      ? new LRUCache<string, StoredBytes>({ maxSize: options.maxMemoryBytes, sizeCalculation: (value) => Math.max(1, value.bytes.byteLength) })
      : undefined;
  const fileOf = (key: string, extension: string) => path.join(options.dir!, key.slice(0, 2), `${key}.${extension}`);
  const remember = (id: string, bytes: Uint8Array): StoredBytes => {
    const stored = { bytes, hash: fileHash(bytes) };
    // lru-cache refuses an entry larger than the whole cache; it is then simply not kept.
    memory?.set(id, stored);
    return stored;
  };

  return {
    async get(key, extension) {
      const id = `${key}.${extension}`;
      const held = memory?.get(id);
      if (held) return { ...held, from: 'memory' };
      if (!options.dir) return undefined;
      const bytes = await readFile(fileOf(key, extension)).catch(() => undefined);
      return bytes ? { ...remember(id, bytes), from: 'disk' } : undefined;
    },
    async put(key, extension, bytes) {
      const stored = remember(`${key}.${extension}`, bytes);
      if (options.dir) await writeFileAtomic(fileOf(key, extension), bytes).catch((error: unknown) => options.onDiskError?.(error));
      return stored;
    },
    get memoryBytes() {
      return memory?.calculatedSize ?? 0;
    },
  };
}
