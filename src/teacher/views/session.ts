import QRCode from 'qrcode';
import { h, replace } from '../../game/dom/h.ts';
import { api } from '../api.ts';
import { errorText, type TeacherContext } from '../context.ts';
import { formatDate } from '../i18n.ts';
import type { BoardData, Catalog, SessionInfo } from '../types.ts';
import { renderBoard } from './board.ts';

/**
 * One session: its code, link and QR code for the students, the exports, and the live board.
 * The board fetches itself again on each server-sent `change` (at most every 150 ms).
 */
export async function sessionView(ctx: TeacherContext, code: string): Promise<HTMLElement> {
  const { t } = ctx;
  const [{ session, joinBase }, catalog] = await Promise.all([
    api<{ session: SessionInfo; joinBase: string[] }>(`/api/sessions/${encodeURIComponent(code)}`),
    api<Catalog>(`/api/catalog?lang=${ctx.lang}`),
  ]);
  const link = `${joinBase[0] ?? location.origin + '/'}?class=${session.code}`;
  const qr = h('img', { class: 'qr', alt: t('session.qr', { code: session.code }), width: 240, height: 240 });
  void QRCode.toDataURL(link, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then((url) => (qr.src = url));
  const referential = catalog.referentials.find((r) => r.id === session.referential)?.title ?? session.referential;

  const { board, live } = liveBoard(ctx, session);
  const project = projectButton(ctx);
  const remove = deleteButton(ctx, session);

  const header = h(
    'div',
    { class: 'session__head' },
    h(
      'div',
      { class: 'session__join' },
      h('p', { class: 'session__label' }, t('session.code')),
      h('p', { class: 'session__code', 'data-testid': 'join-code' }, session.code),
      h('p', { class: 'session__label' }, t('session.link')),
      h('p', { class: 'session__link' }, h('a', { href: link, 'data-testid': 'join-link' }, link)),
      h('p', { class: 'hint' }, t('session.join')),
    ),
    qr,
  );
  const tools = h(
    'div',
    { class: 'session__tools' },
    project,
    h(
      'a',
      { class: 'btn btn--secondary', href: `/api/sessions/${session.code}/results.csv?lang=${ctx.lang}`, download: '' },
      t('session.csv'),
    ),
    h(
      'a',
      { class: 'btn btn--secondary', href: `/api/sessions/${session.code}/results.json`, download: '' },
      t('session.json'),
    ),
    remove,
  );
  return h(
    'section',
    { class: 'session' },
    h('h1', {}, session.title),
    h(
      'p',
      { class: 'hint' },
      [
        t(`state.${stateNow(session)}`),
        t('session.referential', { referential }),
        t('session.mode', { mode: t(`modes.${session.mode}`) }),
        t('session.examTimes', {
          prep: Math.round((session.prepSeconds ?? 2400) / 60),
          sim: Math.round((session.simSeconds ?? 1200) / 60),
        }),
        t('session.deleteAfter', { date: formatDate(session.deleteAfter, ctx.lang) }),
      ].join(' · '),
    ),
    header,
    tools,
    h('h2', { class: 'board__title' }, t('board.heading')),
    live,
    board,
  );
}

function stateNow(s: SessionInfo): string {
  const now = Date.now();
  if (s.opensAt !== null && now < s.opensAt) return 'not-open';
  if (s.closesAt !== null && now >= s.closesAt) return 'closed';
  return 'open';
}

/** Two presses: the first asks, the second deletes everything. */
function deleteButton(ctx: TeacherContext, session: SessionInfo): HTMLElement {
  const { t } = ctx;
  const button = h('button', { type: 'button', class: 'btn btn--danger' }, t('session.delete'));
  let armed = false;
  button.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      replace(button, t('session.deleteConfirm'));
      return;
    }
    api(`/api/sessions/${session.code}`, { method: 'DELETE' })
      .then(() => {
        ctx.status(t('session.deleted'));
        ctx.go('#/');
      })
      .catch((error: unknown) => ctx.status(errorText(t, error)));
  });
  return button;
}

/** The board, fetched again on each server-sent `change` (at most every 150 ms), and its live status line. */
function liveBoard(ctx: TeacherContext, session: SessionInfo): { board: HTMLElement; live: HTMLElement } {
  const { t } = ctx;
  const board = h('div', { class: 'board', 'aria-live': 'off' });
  const live = h('p', { class: 'live', 'data-testid': 'live' }, t('app.loading'));
  let timer: number | undefined;
  const refresh = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      api<BoardData>(`/api/sessions/${session.code}/board?lang=${ctx.lang}`)
        .then((data) => {
          renderBoard(ctx, board, data);
          live.textContent = `${t('board.live')} · ${t('board.updated', { time: new Date().toLocaleTimeString(ctx.lang) })}`;
        })
        .catch((error: unknown) => (live.textContent = errorText(t, error)));
    }, 150);
  };
  const events = new EventSource(`/api/sessions/${session.code}/events`);
  events.addEventListener('ready', refresh);
  events.addEventListener('change', refresh);
  events.addEventListener('error', () => (live.textContent = t('board.offline')));
  ctx.onLeave(() => {
    events.close();
    window.clearTimeout(timer);
  });

  return { board, live };
}

/** Projection mode: the board alone, large, for the debrief in front of the class. */
function projectButton(ctx: TeacherContext): HTMLElement {
  const { t } = ctx;
  const project = h(
    'button',
    { type: 'button', class: 'btn btn--secondary', 'aria-pressed': 'false' },
    t('session.project'),
  );
  project.addEventListener('click', () => {
    const on = document.body.classList.toggle('projecting');
    project.setAttribute('aria-pressed', on ? 'true' : 'false');
    project.textContent = t(on ? 'session.exitProject' : 'session.project');
  });
  return project;
}
