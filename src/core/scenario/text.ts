import { z } from 'zod';

/** Languages a scenario may provide its text in. */
export const CONTENT_LANGUAGES = ['fr', 'en'] as const;
export const ContentLanguageSchema = z.enum(CONTENT_LANGUAGES);
export type ContentLanguage = z.infer<typeof ContentLanguageSchema>;

/**
 * Authored text, one string per language. It is plain text: no HTML or Markdown is ever
 * interpreted where it is shown. Which languages must be present is checked against
 * `meta.languages`, so a stable error code can point at the exact missing translation.
 */
export const LocalizedTextSchema = z.partialRecord(ContentLanguageSchema, z.string().min(1)).meta({
  id: 'LocalizedText',
  description: 'Plain text per language, e.g. {"fr": "Bonjour", "en": "Hello"}. Never HTML.',
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The text in `lang`, falling back to French then to any language present. */
export function pickText(text: LocalizedText | undefined, lang: ContentLanguage): string {
  if (!text) return '';
  return text[lang] ?? text.fr ?? Object.values(text).find((v) => typeof v === 'string') ?? '';
}
