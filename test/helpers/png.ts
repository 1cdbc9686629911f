/** PNG helpers for card tests: decode, halve (for compact goldens), read a pixel. */
import { PNG } from 'pngjs';

export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(bytes: Uint8Array): Image {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

export function encodePng(image: Image): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data);
  return PNG.sync.write(png, { colorType: 2 });
}

/** Averages 2×2 blocks: goldens are stored at half size to keep the repository small. */
export function halve(image: Image): Image {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 4; channel++) {
        let sum = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) sum += image.data[((y * 2 + dy) * image.width + x * 2 + dx) * 4 + channel]!;
        data[(y * width + x) * 4 + channel] = Math.round(sum / 4);
      }
    }
  }
  return { width, height, data };
}

export function pixel(image: Image, x: number, y: number): [number, number, number] {
  const offset = (y * image.width + x) * 4;
  return [image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!];
}

export function hex(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Pixels in the rectangle that differ from `colour`. */
export function countOff(image: Image, colour: [number, number, number], x0: number, y0: number, x1: number, y1: number): number {
  let off = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = pixel(image, x, y);
      if (r !== colour[0] || g !== colour[1] || b !== colour[2]) off++;
    }
  }
  return off;
}
