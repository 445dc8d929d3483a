/** Test-only scenarios, present in `vite --mode e2e` builds only (see vite.config.ts). */
declare module 'virtual:negosim-extra-scenarios' {
  const sources: Record<string, () => Promise<string>>;
  export default sources;
}
