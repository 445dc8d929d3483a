import i18next, { type TFunction } from 'i18next';
import teacherFr from '../locales/teacher/fr.json';
import teacherEn from '../locales/teacher/en.json';

/** The server's own words (CSV headers) come from the teacher pages' locale files. */
const instance = i18next.createInstance();
void instance.init({
  lng: 'fr',
  fallbackLng: 'fr',
  ns: ['teacher'],
  defaultNS: 'teacher',
  resources: { fr: { teacher: teacherFr }, en: { teacher: teacherEn } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function serverT(lang: 'fr' | 'en'): TFunction {
  return instance.getFixedT(lang, 'teacher');
}
