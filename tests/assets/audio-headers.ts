// Sound files are read with music-metadata, which parses the container and the codec headers and
// takes the duration from the last Ogg page, without decoding (Node has no decoder for Opus).
import { parseFile } from 'music-metadata';

export interface AudioInfo {
  /** Lower-case container name, as music-metadata names it: 'ogg', 'wave'… */
  container: string;
  /** Lower-case codec family: 'opus', 'vorbis', 'pcm'… */
  codec: string;
  channels: number;
  /** The rate the codec header declares (Opus always decodes at 48 kHz; this is the input rate it keeps). */
  sampleRate: number;
  durationSec: number;
}

export class AudioFileError extends Error {}

/**
 * The container, codec, channels, sample rate and duration of a sound file, or an AudioFileError
 * when it is not a sound, or is damaged: music-metadata reports a broken page sequence or a
 * stream that ends before its last page as warnings, which a shipped file must not have.
 */
export async function readAudio(path: string): Promise<AudioInfo> {
  let parsed;
  try {
    parsed = await parseFile(path, { duration: true, skipCovers: true });
  } catch (e) {
    throw new AudioFileError(`${path}: ${(e as Error).message}`);
  }
  const { format, quality } = parsed;
  if (quality.warnings.length > 0)
    throw new AudioFileError(`${path}: ${quality.warnings.map((w) => w.message).join('; ')}`);
  const { container, codec, numberOfChannels, sampleRate, duration } = format;
  if (!container || !codec || !numberOfChannels || !sampleRate || duration === undefined || duration <= 0)
    throw new AudioFileError(`${path}: incomplete audio headers ${JSON.stringify(format)}`);
  return {
    container: container.toLowerCase(),
    codec: codec.toLowerCase().split(/[\s-]/)[0] ?? codec,
    channels: numberOfChannels,
    sampleRate,
    durationSec: duration,
  };
}
