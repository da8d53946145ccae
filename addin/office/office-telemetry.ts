/**
 * Outside Office (the pane opened in a plain browser), office.js loads o15apptofilemappingtable.js,
 * whose ULS logger opens a hidden frame to telemetryservice.firstpartyapps.oaspapps.com three
 * seconds after it loads (with an inline style attribute). The pane's CSP refuses telemetry, so
 * that frame would only produce CSP violations; with no Office host there is nothing to log
 * either. Called from Office.onReady when there is no host, which office.js fires only after
 * the mapping table has run: its logger's frame loader is replaced by a no-op. Inside Excel the
 * host files are loaded instead of the mapping table and there is no such logger.
 */
interface UlsEndpoint {
  proxyFrame: unknown;
  loadProxyFrame: () => void;
}

export function stopPlainBrowserLogProxy(): boolean {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (!endpoint || endpoint.proxyFrame != null) return false;
  endpoint.loadProxyFrame = () => undefined;
  return true;
}
