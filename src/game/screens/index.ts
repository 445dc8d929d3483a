import type { ScreenFactory } from '../app/app.ts';

/** Screens are loaded on first use: the title needs none of the visit or debrief code. */
export const screens: ScreenFactory = async (app, route) => {
  switch (route.name) {
    case 'title':
      return (await import('./title-screen.ts')).titleScreen(app);
    case 'library':
      return (await import('./library-screen.ts')).libraryScreen(app, route.notFound);
    case 'briefing':
      return (await import('./briefing-screen.ts')).briefingScreen(app, route.scenarioId, route.seed);
    case 'exam':
      return (await import('./exam-screen.ts')).examScreen(app, route.scenarioId, route);
    case 'visit':
      return (await import('./visit-screen.ts')).visitScreen(app);
    case 'debrief':
      return (await import('./debrief-screen.ts')).debriefScreen(app, route.attemptId);
    case 'grid':
      return (await import('./jury-grid-screen.ts')).juryGridScreen(app, route.attemptId);
    case 'paper':
      return (await import('./paper-screen.ts')).paperScreen(app, route);
    case 'results':
      return (await import('./results-screen.ts')).resultsScreen(app);
    case 'settings':
      return (await import('./settings-screen.ts')).settingsScreen(app, route.back);
    case 'classroom':
      return (await import('../classroom/join-screen.ts')).joinScreen(app, route.code);
  }
};
