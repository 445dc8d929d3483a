import type { App } from '../app/app.ts';
import type { Route } from '../app/routes.ts';
import { h, type Child } from '../dom/h.ts';

/** The frame every menu screen shares: a header with the way home and a main heading. */
export function shell(
  app: App,
  opts: { name: string; heading: string; back?: Route; nav?: boolean },
  ...content: Child[]
) {
  const t = app.t;
  const go = (route: Route) => () => void app.show(route);
  const navItems: [string, Route][] = [
    [t('nav.title'), { name: 'title' }],
    [t('nav.library'), { name: 'library' }],
    [t('nav.results'), { name: 'results' }],
    [t('nav.settings'), { name: 'settings', back: app.current }],
  ];
  const header = h(
    'header',
    { class: 'topbar' },
    opts.back
      ? h(
          'button',
          { type: 'button', class: 'btn btn--ghost topbar__back', onclick: go(opts.back) },
          '← ',
          t('nav.back'),
        )
      : null,
    h('span', { class: 'topbar__brand' }, 'NegoSim'),
    opts.nav === false
      ? null
      : h(
          'nav',
          { class: 'topbar__nav', 'aria-label': 'NegoSim' },
          ...navItems.map(([label, route]) =>
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn--ghost',
                'aria-current': route.name === opts.name ? 'page' : null,
                onclick: go(route),
              },
              label,
            ),
          ),
        ),
  );
  const root = h(
    'section',
    { class: `screen screen--${opts.name}`, 'aria-labelledby': `${opts.name}-heading` },
    header,
    h(
      'div',
      { class: 'screen__body' },
      h('h1', { id: `${opts.name}-heading`, class: 'screen__heading' }, opts.heading),
      ...content,
    ),
  );
  return root;
}
