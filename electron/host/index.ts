// The loopback host's one face: the browser console (dev:web), the e2e tests and the
// benchmarks start it; the Electron shell shares its renderer-serving rules.
export { startHost, DEFAULT_STATIC_DIR, type StartHostOptions } from './server';
export { createHostServer, type RunningServer, type HostServerOptions, type Call } from './http';
export {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  contentTypeOf,
  resolveRendererFile,
  resolveRendererFileOnDisk,
} from './renderer-files';
