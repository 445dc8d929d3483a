import i18next, { type TFunction } from 'i18next';
import teacherFr from '../locales/teacher/fr.json';
import teacherEn from '../locales/teacher/en.json';

export type TeacherLang = 'fr' | 'en';

/** The teacher pages' own i18next instance and locale files (French by default). */
export function teacherI18n(lang: TeacherLang): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'fr',
    ns: ['teacher'],
    defaultNS: 'teacher',
    resources: { fr: { teacher: teacherFr }, en: { teacher: teacherEn } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(lang, 'teacher');
}

/** Marks and figures the French way (14,5) or the English way (14.5). */
export function formatNumber(value: number, lang: TeacherLang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

export function formatDate(ms: number, lang: TeacherLang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}
