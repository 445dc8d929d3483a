import type { App } from '../../app/app.ts';
import { h } from '../../dom/h.ts';
import { pickText } from '../../../core/scenario/text.ts';
import { packShortName } from '../../../present/packs.ts';

/**
 * The first launch asks which BTS the student prepares: the mark depends on it, so NegoSim never
 * picks one silently (issue 10). The question sits on the title, above the menu, and goes away
 * once answered; the settings change it later. It fills in when the referentials are read (the
 * title does not wait for them); a library with one pack has nothing to ask and takes it.
 */
export function diplomaQuestion(app: App): { root: HTMLElement; focus(): void } {
  const t = app.t;
  const options = h('div', { class: 'diploma__options' });
  const status = h('p', { class: 'diploma__status', role: 'status' });
  const root = h(
    'section',
    { class: 'diploma', 'aria-labelledby': 'diploma-heading', hidden: true },
    h('h2', { id: 'diploma-heading', class: 'diploma__heading', tabindex: '-1' }, t('title.diploma.question')),
    h('p', { class: 'diploma__why' }, t('title.diploma.why')),
    options,
    status,
  );
  void app.services.referentials().then((refs) => {
    if (!refs || refs.packs.length === 0) return;
    if (refs.packs.length === 1) return choose(app, refs.packs[0]?.id ?? '');
    for (const pack of refs.packs)
      options.append(
        h(
          'button',
          { type: 'button', class: 'btn btn--secondary diploma__option', onclick: () => choose(app, pack.id) },
          h('strong', {}, t('settings.packName', { name: packShortName(pack) })),
          h('small', { class: 'btn__detail' }, pickText(pack.diploma, app.lang)),
        ),
      );
    root.hidden = false;
  });
  return {
    root,
    focus() {
      status.textContent = t('title.diploma.first');
      root.querySelector<HTMLElement>('#diploma-heading')?.focus();
    },
  };
}

function choose(app: App, pack: string): void {
  app.update((s) => ({ ...s, settings: { ...s.settings, pack } }));
  void app.show({ name: 'title' });
}
