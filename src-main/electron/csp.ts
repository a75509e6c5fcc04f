/**
 * The Content-Security-Policy of every page the app loads. The renderer's
 * index.html carries the same policy in a meta tag (owned by the renderer);
 * the header is the one that also covers file:// loads in Electron and the
 * harness's HTTP responses. No inline scripts, no remote origins, no frames,
 * no form posts: the renderer only ever talks to the main process.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The development variant used only with the Vite dev server: React Fast
 * Refresh injects an inline preamble script and HMR connects over ws:.
 * Never used for a built renderer.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws: wss:");

type HeaderMap = Record<string, string | string[]>;

/**
 * Response headers with our CSP replacing any the response brought, whatever
 * the casing of its name.
 */
export function withContentSecurityPolicy(headers: HeaderMap | undefined, policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
