// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { ficheSujet } from '../../src/core/exam/fiche-sujet.ts';
import { ficheView } from '../../src/game/screens/exam/fiche-view.ts';
import { prepSheetForm, prepSheetPanel } from '../../src/game/screens/exam/prep-sheet.ts';
import { PREP_SHEET_FIELDS, type PrepSheet } from '../../src/core/save/format.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');
const scenario = shippedScenarios('all').find((s) => s.file.startsWith('premiere-visite'))!.index.scenario;

describe('the fiche-sujet screen part', () => {
  it('shows the rubrics of the official layout, in order, with the scenario in them', () => {
    const view = ficheView(ficheSujet(scenario, 'fr'), 'fr', t);
    const rubrics = [...view.querySelectorAll('tr')].map((r) => r.dataset.rubric);
    expect(rubrics).toEqual([
      'activity',
      'object',
      'length',
      'place',
      'sequence',
      'actors',
      'history',
      'objectives',
      'information',
      'constraints',
    ]);
    expect(view.textContent).toContain(scenario.persona.name);
    expect(view.textContent).toContain(scenario.brief.context.fr);
    expect(view.textContent).toContain('20 minutes');
    expect(view.textContent).not.toContain('exam.fiche');
  });
});

describe('the preparation sheet', () => {
  it('hands every keystroke over with the whole sheet, and labels every field', () => {
    const seen: PrepSheet[] = [];
    const form = prepSheetForm({ high: 'déjà écrit' }, t, (s) => seen.push(s));
    const high = form.querySelector<HTMLInputElement>('#sheet-high')!;
    expect(high.value).toBe('déjà écrit');
    const motives = form.querySelector<HTMLTextAreaElement>('#sheet-motives')!;
    motives.value = 'Sécurité';
    motives.dispatchEvent(new Event('input'));
    expect(seen.at(-1)).toEqual({ high: 'déjà écrit', motives: 'Sécurité' });
    for (const f of PREP_SHEET_FIELDS) {
      const label = form.querySelector(`label[for="sheet-${f}"]`);
      expect(label?.textContent, f).toBeTruthy();
    }
  });

  it('reads back, read-only, during the simulation', () => {
    const panel = prepSheetPanel({ concessions: 'Livraison offerte' }, t);
    expect(panel.textContent).toContain('Livraison offerte');
    expect(panel.querySelector('input, textarea')).toBeNull();
  });
});
