import { browserMicrophone, type Microphone } from '../../adapters/voice/microphone.ts';
import { idbRecordings, type RecordingStore } from '../../adapters/voice/recordings.ts';

/** The microphone and the recordings' store: the browser's own unless a test put fakes in. */
export interface VoiceServices {
  mic: Microphone;
  recordings: RecordingStore;
}

let services: VoiceServices | null = null;

/**
 * Made on first use (only screens that record or play answers load this module), so the boot
 * and a game that never records touch neither the microphone nor the recordings' database.
 */
export function voiceServices(): VoiceServices {
  return (services ??= { mic: browserMicrophone(), recordings: idbRecordings() });
}

/** For unit tests: fakes instead of the browser's microphone and IndexedDB. */
export function useVoiceServices(fakes: VoiceServices | null): void {
  services = fakes;
}
