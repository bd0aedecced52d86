/** A TCP port nobody listens on right now, for a server a test starts later (a hub not yet up). */
export { freePort } from '../../scripts/free-port';
