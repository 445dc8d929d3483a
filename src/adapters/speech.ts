import type { UiLanguage } from '../i18n/languages.ts';

/** Reading the client's lines aloud with the browser's own speech synthesis (no network). */
export interface SpeechPort {
  readonly available: boolean;
  say(text: string, lang: UiLanguage): void;
  cancel(): void;
}

export function browserSpeech(): SpeechPort {
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
  const voiceFor = (lang: UiLanguage) => {
    const voices = synth?.getVoices() ?? [];
    // Prefer a voice of the exact region (fr-FR, en-GB), then any of the language.
    const region = lang === 'fr' ? 'fr-fr' : 'en-gb';
    return (
      voices.find((v) => v.lang.toLowerCase() === region) ??
      voices.find((v) => v.lang.toLowerCase().startsWith(lang)) ??
      null
    );
  };
  return {
    available: synth !== null,
    say(text, lang) {
      if (!synth || text.trim() === '') return;
      synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang === 'fr' ? 'fr-FR' : 'en-GB';
      const voice = voiceFor(lang);
      if (voice) u.voice = voice;
      synth.speak(u);
    },
    cancel() {
      synth?.cancel();
    },
  };
}
