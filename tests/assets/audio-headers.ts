// Minimal readers for the two audio containers the assets may use, written here so the tests
// need no decoder: they check the container and take the duration from its own fields.

import { oggCrc } from '../../scripts/lib/ogg-crc.ts';

export { oggCrc };

export interface AudioInfo {
  container: 'ogg' | 'wav';
  codec: 'opus' | 'vorbis' | 'pcm';
  channels: number;
  sampleRate: number;
  durationSec: number;
}

interface OggPage {
  headerType: number;
  granule: bigint;
  serial: number;
  body: Buffer;
}

export function readOggPages(buf: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  let off = 0;
  while (off < buf.length) {
    if (buf.toString('latin1', off, off + 4) !== 'OggS') throw new Error(`no OggS capture pattern at byte ${off}`);
    if (buf[off + 4] !== 0) throw new Error(`unknown Ogg version at byte ${off}`);
    const segments = buf[off + 26] ?? 0;
    const table = buf.subarray(off + 27, off + 27 + segments);
    const bodyLength = table.reduce((a, b) => a + b, 0);
    const end = off + 27 + segments + bodyLength;
    if (end > buf.length) throw new Error(`Ogg page at byte ${off} runs past the end of the file`);
    const page = Buffer.from(buf.subarray(off, end));
    const stored = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    if (oggCrc(page) !== stored) throw new Error(`bad CRC on the Ogg page at byte ${off}`);
    pages.push({
      headerType: buf[off + 5] ?? 0,
      granule: buf.readBigInt64LE(off + 6),
      serial: buf.readUInt32LE(off + 14),
      body: buf.subarray(off + 27 + segments, end),
    });
    off = end;
  }
  return pages;
}

export function readOgg(buf: Buffer): AudioInfo {
  const pages = readOggPages(buf);
  const first = pages[0];
  const last = pages.at(-1);
  if (!first || !last) throw new Error('empty Ogg file');
  if ((first.headerType & 0x02) === 0) throw new Error('first Ogg page is not a beginning-of-stream page');
  if ((last.headerType & 0x04) === 0) throw new Error('last Ogg page is not an end-of-stream page');
  const head = first.body;
  if (head.toString('latin1', 0, 8) === 'OpusHead') {
    const channels = head[9] ?? 0;
    const preSkip = head.readUInt16LE(10);
    // Opus granule positions always count 48 kHz samples, whatever the input rate was.
    return {
      container: 'ogg',
      codec: 'opus',
      channels,
      sampleRate: 48_000,
      durationSec: Number(last.granule - BigInt(preSkip)) / 48_000,
    };
  }
  if (head[0] === 1 && head.toString('latin1', 1, 7) === 'vorbis') {
    const channels = head[11] ?? 0;
    const sampleRate = head.readUInt32LE(12);
    return { container: 'ogg', codec: 'vorbis', channels, sampleRate, durationSec: Number(last.granule) / sampleRate };
  }
  throw new Error('Ogg stream is neither Opus nor Vorbis');
}

export function readWav(buf: Buffer): AudioInfo {
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('not a RIFF/WAVE file');
  let off = 12;
  let fmt: { channels: number; sampleRate: number; byteRate: number } | undefined;
  while (off + 8 <= buf.length) {
    const id = buf.toString('latin1', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      if (buf.readUInt16LE(off + 8) !== 1) throw new Error('WAV is not PCM');
      fmt = {
        channels: buf.readUInt16LE(off + 10),
        sampleRate: buf.readUInt32LE(off + 12),
        byteRate: buf.readUInt32LE(off + 16),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before its fmt chunk');
      if (off + 8 + size > buf.length) throw new Error('WAV data chunk runs past the end of the file');
      return {
        container: 'wav',
        codec: 'pcm',
        channels: fmt.channels,
        sampleRate: fmt.sampleRate,
        durationSec: size / fmt.byteRate,
      };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

export function readAudio(buf: Buffer): AudioInfo {
  if (buf.toString('latin1', 0, 4) === 'OggS') return readOgg(buf);
  if (buf.toString('latin1', 0, 4) === 'RIFF') return readWav(buf);
  throw new Error('neither an Ogg nor a WAV file');
}
